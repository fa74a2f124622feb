/** A failure caused by the operator's input: printed without a stack trace. */
export class CliError extends Error {}
