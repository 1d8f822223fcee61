/// How a command ended, as the exit status a script can trust (the table in docs/EXIT-STATUS.md).
public enum ExitStatus: Int32, CaseIterable, Sendable {
  /// The command did what was asked.
  case success = 0
  /// Refused input: a value, an option or a request the office does not accept (nothing was written).
  case refused = 1
  /// Not found: an unknown visitor, ticket, referral, partner, topic sheet, file or office folder.
  case notFound = 2
  /// The passphrase opens no key slot.
  case wrongPassphrase = 3
  /// The office is damaged or its figures are partial; it opens read-only.
  case damaged = 4
  /// The office is locked or busy (another process holds it).
  case busy = 5
  /// The printer, the terminal or another device is unavailable.
  case deviceUnavailable = 6
  /// Writing failed: a full disk, an input/output error, a closed or full standard output.
  case writeFailed = 7
  /// Intact, but records are dated in the future: a PC's clock was set ahead (`verify`).
  case clockAhead = 8
  /// No damage, but a log ends in an incomplete record: another PC's, copied while it was writing (its own
  /// PC finishes or repairs it), or this PC's on a medium it cannot write to (`verify`).
  case incompleteTail = 9
  /// Not allowed: the account's role may not do this (docs/ROLES.md says who may).
  case notAllowed = 10

  /// The stable word for this status in JSON errors (`"kind"`).
  public var word: String {
    switch self {
    case .success: "success"
    case .refused: "refused"
    case .notFound: "not-found"
    case .wrongPassphrase: "wrong-passphrase"
    case .damaged: "damaged"
    case .busy: "busy"
    case .deviceUnavailable: "device-unavailable"
    case .writeFailed: "write-failed"
    case .clockAhead: "clock-ahead"
    case .incompleteTail: "incomplete-tail"
    case .notAllowed: "not-allowed"
    }
  }
}
