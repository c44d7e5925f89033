import "server-only";
/** Thrown by an action for an expected refusal: the transaction rolls back and the message reaches the user. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
