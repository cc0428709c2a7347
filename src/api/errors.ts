/** Something the API said no to, or could not be asked at all. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** 400: the messages under each field's name, and `non_field_errors` for the request as a whole. */
export class ValidationError extends ApiError {
  constructor(
    readonly fields: Record<string, string[]>,
    readonly nonFieldErrors: string[],
  ) {
    super(nonFieldErrors[0] ?? Object.values(fields)[0]?.[0] ?? "The request was not valid.", 400);
  }
}

/** 403: not signed in, or not allowed. */
export class ForbiddenError extends ApiError {
  constructor(
    readonly detail: string,
    readonly code?: string,
  ) {
    super(detail, 403);
  }
}

/** The server could not be reached, or the connection dropped. */
export class NetworkError extends ApiError {
  constructor() {
    super("The server could not be reached. Check your connection and try again.", 0);
  }
}

/** A response the client cannot use: a 5xx, or a body that is not what the API promises. */
export class ServerError extends ApiError {}
