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
  const order = from?.length === scores.length ? Int32Array.from(from) : Int32Array.from({ length: scores.length }, (_, i) => i);
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
