/** Options the generator cannot honour. The message names the problem, never a generated value. */
export class GeneratorError extends Error {
  override name = "GeneratorError";
}
