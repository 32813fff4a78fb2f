/** Authorization: roles and field rules (see docs/security.md). */
export { authChecker } from './auth-checker';
export { ActsForMsl, AdminOnly, OwnNotes, OwnsInteraction, OwnsPlannedInteraction, PersonalData, Roles, isGuarded } from './decorators';
export { allows, canAccessNotes, canActForMsl, canReadPersonalData, requireActForMsl, requireNotesAccess, requireRole } from './rules';
