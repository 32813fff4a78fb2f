/**
 * Rank orders of score arrays: node indices by descending score, equal scores by ascending id
 * (node indices follow the ids). Its own module so the PageRank thread (pagerank-worker.ts) can
 * sort there, off the event loop: a full sort of 100k scores takes tens of milliseconds.
 */

/**
 * Node indices by descending score, equal scores by ascending id. With a tolerance: each run of
 * scores whose neighbours in the order differ by at most `tolerance` counts as equal (by id).
 * `from`: a permutation of the nodes to sort from, e.g. the order before a small edit. The result
 * is the same (the comparison is a total order); the sort is faster from a nearly sorted start.
 */
export function rankOrder(scores: Float64Array, tolerance = 0, from?: Int32Array): Int32Array {
  const nearlySorted = from?.length === scores.length;
  const order = nearlySorted ? Int32Array.from(from) : Int32Array.from({ length: scores.length }, (_, i) => i);
  if (!nearlySorted || !insertionSort(order, scores, INSERTION_MOVES_PER_NODE * order.length))
    order.sort((a, b) => scores[b] - scores[a] || a - b);
  if (tolerance <= 0) return order;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && scores[order[end - 1]] - scores[order[end]] <= tolerance) end++;
    if (end - start > 1) order.subarray(start, end).sort();
    start = end;
  }
  return order;
}

/**
 * Insertion sort moves each node past those it now outranks: from the order before a small edit
 * that is about n steps (few nodes change places), where the general sort compares n·log n times
 * (17 ms at 100k). Beyond this many moves per node it gives up to the general sort.
 */
const INSERTION_MOVES_PER_NODE = 4;

/** Sorts `order` by the rank order in place unless that takes more than `budget` moves; false then (`order` is still a permutation). */
function insertionSort(order: Int32Array, scores: Float64Array, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < order.length; i++) {
    const node = order[i];
    const score = scores[node];
    let j = i - 1;
    for (; j >= 0 && (scores[order[j]] < score || (scores[order[j]] === score && order[j] > node)); j--) {
      order[j + 1] = order[j];
      if (++moves > budget) {
        order[j] = node;
        return false;
      }
    }
    order[j + 1] = node;
  }
  return true;
}
