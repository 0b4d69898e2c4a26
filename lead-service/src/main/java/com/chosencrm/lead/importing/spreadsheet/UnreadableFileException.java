package com.chosencrm.lead.importing.spreadsheet;

/** The file cannot be imported; the message says why in words a user understands. */
public class UnreadableFileException extends RuntimeException {

  /** Why, as a stable code for clients. */
  public enum Reason {
    EMPTY,
    NOT_A_SPREADSHEET,
    LEGACY_XLS,
    ENCRYPTED,
    CORRUPT,
    ZIP_BOMB
  }

  private final Reason reason;

  public UnreadableFileException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UnreadableFileException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
