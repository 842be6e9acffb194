/**
 * The worker answered, and the answer was no (a malformed or oversized payload, a handler that
 * failed): sending the same message again would get the same answer. A send that rejects with
 * any other error got no answer at all (the worker was asleep, restarting, or killed mid-way).
 */
export class Refused extends Error {
  override name = 'Refused';
}
