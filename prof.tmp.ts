import { validateFolder, noExistingIds } from './src/import/validate';
(async () => { const t = Date.now(); await validateFolder('/tmp/gen-100000', noExistingIds); console.log(Date.now() - t); })();
