import GAIDesk
import TerminalUI

/// A box shown over the current screen that takes the keys until it is dismissed.
public enum Overlay: Sendable {
  /// The keys of the current screen.
  case help
  /// "Quit?" yes/no.
  case confirmQuit
  /// "Discard what was typed?" yes/no; yes goes back one screen.
  case confirmDiscard
  /// The ticket just issued.
  case ticket(visitID: String)
  /// The visit was saved; the slip of each referral made, in `language`.
  case saved(visitID: String, referralIDs: [String], language: Language)
  /// Ask for the visitor's consent to share before a referral.
  case consent(visitorID: String)
  /// Choose a referral's next status (then a reason when needed).
  case referralStatus(StatusPicker)
  /// Merge `other` into `keep`? yes/no.
  case confirmMerge(keep: String, other: String)
  /// Undo the merge of `other` into `keep`? yes/no.
  case confirmUnmerge(keep: String, other: String)
  /// Ask consent to share (`share` nil), then consent to store; y or n, Esc cancels.
  case profileConsent(visitorID: String, share: Bool?)
  /// Retire the partner with `code`? yes/no.
  case confirmRetire(code: String)
  /// The visitor still holds an open ticket (`visitID`, waiting or being served): issue a second one? yes/no.
  case confirmSecondTicket(visitorID: String, visitID: String)
  /// This desk still has `heldID` called: call `visitID` (the longest waiting when nil) all the same? Yes calls,
  /// N serves the held ticket, Esc calls nothing.
  case confirmSecondCall(visitID: String?, heldID: String)
  /// The visit is called to another desk: serve it at this one? Yes (a letter) opens it here.
  case confirmServeElsewhere(visitID: String)
  /// Mark the visit as left without service? yes/no.
  case confirmLeft(visitID: String)
  /// Leaving the serve screen of a called visit: yes puts it back in the queue, N leaves it called, Esc stays.
  case confirmLeaveServe(visitID: String)
  /// A message to acknowledge.
  case message(String)
  /// A new office's recovery code, shown only once: only Enter closes it, then the PIN is asked when
  /// `thenAskPIN`.
  case recoveryCode(String, thenAskPIN: Bool)
  /// The backup box: the folder, then the progress bar, then the result.
  case backup(BackupDialog)
  /// The PC's date looks wrong against the newest record: the first write of the session waits (`effects`,
  /// with its `busy` line) until Enter or s; Esc cancels it.
  case confirmClock(ClockWarning, effects: [Effect], busy: String?)
}

/// Choosing a referral's next status and, for rejections and no-shows, a reason.
public struct StatusPicker: Sendable {
  /// The referral.
  public var referralID: String
  /// The statuses it may move to.
  public var options: [ReferralStatus]
  /// The highlighted status or reason.
  public var list: ListState
  /// The status chosen when a reason is being asked.
  public var chosen: ReferralStatus?

  init(referralID: String, options: [ReferralStatus]) {
    self.referralID = referralID
    self.options = options
    self.list = ListState(count: options.count)
  }
}
