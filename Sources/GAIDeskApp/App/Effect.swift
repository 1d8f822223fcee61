import Foundation
import GAIDesk
import TerminalUI

/// What a screen asks the outside world to do; ``AppRuntime`` performs it and answers with a ``Message``.
public enum Effect: Equatable, Sendable {
  /// Create the office (first run).
  case createOffice(municipality: String, passphrase: String, staff: String)
  /// Unlock the office with a passphrase.
  case unlock(passphrase: String)
  /// Check a passphrase against the open office's key slots (someone joining at the locked screen).
  case checkPassphrase(String)
  /// Release the office: its keys are wiped from memory and the passphrase is needed again.
  case closeOffice
  /// Remember the language (the person is the unlocked account: no name is kept in the clear settings file).
  case saveSettings(language: Language)
  /// Issue a ticket to a registered visitor (`again`: a second one while they still hold an open ticket).
  case arrive(visitorID: String, again: Bool = false)
  /// Register a new visitor and issue a ticket in one record.
  case arriveNew(VisitorForm)
  /// Call the longest-waiting ticket to the desk (`again`: while the desk still has a ticket called).
  case callNext(desk: String, again: Bool = false)
  /// Call one visit to the desk (`again`: while the desk still has a ticket called).
  case call(visitID: String, desk: String, again: Bool = false)
  /// Mark a visit as left without service.
  case markLeft(visitID: String)
  /// Record the visitor's consent to share their data with partners.
  case recordConsent(visitorID: String)
  /// Record consent answers given at the profile.
  case setConsent(visitorID: String, store: Bool?, share: Bool?)
  /// Replace a visitor's details.
  case updateVisitor(id: String, form: VisitorForm)
  /// Merge record `other` into `keep`.
  case merge(keep: String, other: String)
  /// Undo the merge of `other` into `keep`.
  case unmerge(keep: String, other: String)
  /// Print the day sheet of `day` on the default printer, in `language`; without a printer, save it without
  /// names in the home folder.
  case printDaySheet(day: String, language: Language)
  /// Print a referral slip on the default printer, in `language`.
  case printSlip(referralID: String, language: Language)
  /// Close a visit with its topics, outcome, note, referral and follow-up in one durable record.
  case close(VisitClosing)
  /// Move a referral to a new status.
  case setReferral(id: String, status: ReferralStatus, reason: ReferralReason?)
  /// Mark a follow-up done.
  case completeFollowUp(id: String)
  /// Add a partner of the office's own.
  case addPartner(code: String, fields: PartnerFields)
  /// Change a partner's details.
  case updatePartner(code: String, fields: PartnerFields)
  /// Retire a partner (no new referrals to it).
  case retirePartner(code: String)
  /// Replace a topic's sheet in one language (the office's version, reviewed today).
  case saveSheet(topic: String, language: Language, content: SheetContent)
  /// Find the folders a backup may go to (the last one, mounted USB sticks).
  case prepareBackup
  /// Back the office up to `folder` (a USB stick's mount point), with progress.
  case backup(folder: String)
  /// Record that a sheet line or a partner's entry was checked with the service (how, a note).
  case confirmKnowledge(subject: KnowledgeSubject, method: ConfirmationMethod, note: String?)
  /// Correct line `index` of `section` of a sheet (new texts by language) and confirm it, in one record.
  case correctSheetLine(
    topic: String, section: SheetSection, index: Int, texts: [Language: String], method: ConfirmationMethod,
    note: String?)
  /// Correct a partner's details after checking them with the service, confirmed in the same record.
  case correctPartner(code: String, fields: PartnerFields, method: ConfirmationMethod)
  /// Add an account for `name` with `role`, protected by `passphrase` (administrators).
  case addAccount(name: String, role: StaffRole, passphrase: String)
  /// Remove the account named `name`; a new key epoch starts (administrators).
  case removeAccount(name: String)
  /// Change the role of the account named `name` (administrators).
  case changeRole(name: String, role: StaffRole)
  /// Change when the office's desks lock and wipe their keys (administrators).
  case setLockTimes(LockTimesChange)
  /// Undo "left without service" of a visit (the core allows it for minutes after).
  case reopenVisit(visitID: String)
  /// Undo the call of a visit called by mistake (`call`, the serve screen's, must still hold): it waits in the
  /// queue again as before the call.
  case returnToQueue(visitID: String, call: WallTime?)
  /// Leave the program.
  case quit
}

/// What happens to the model: a key, a clock tick, a resize, or the answer to an effect.
public enum Message: Sendable {
  /// A key was pressed.
  case key(KeyEvent)
  /// Time passed (waiting times tick).
  case tick(Date)
  /// The terminal changed size.
  case resize(Size)
  /// The office is open (created or unlocked) by `account` (its name; empty while the journal does not name
  /// it); a new office's recovery code is shown once; `search` is the core's visitor index of the office
  /// (``Office/visitorSearch(keeping:)``, loaded from its cache), nil to build one from `state`; `basis` the
  /// office's ``Office/searchBasis`` it was brought up to date with.
  case opened(
    office: String, state: OfficeState, account: String = "", recoveryCode: String? = nil,
    search: VisitorSearch? = nil, basis: SearchBasis? = nil)
  /// Another process recorded something; `basis` is the office's ``Office/searchBasis`` with it (so that the
  /// desk's visitor index checks only the visitors the new records touched).
  case changed(OfficeState, basis: SearchBasis? = nil)
  /// An effect succeeded; `visitID` names the visit it concerned, `referralID` the referral made; `basis` as
  /// for `changed`.
  case done(Effect, OfficeState, visitID: String?, referralID: String?, basis: SearchBasis? = nil)
  /// An effect failed.
  case failed(Effect, GAIDeskError)
  /// A slip was sent to `printer`.
  case printed(Effect, printer: String)
  /// The day sheet went to a printer or, without one, to a file.
  case pagePrinted(PrintOutcome)
  /// The core's report on future-dated records, forks, damage and the last backup.
  case health(OfficeHealth)
  /// The passphrase typed at the locked screen opens the office; `person` is who it names (nil while one
  /// passphrase is shared: the name typed with it counts).
  case passphraseChecked(person: String?)
  /// Folders a backup may go to, most likely first.
  case backupFolders([String])
  /// A backup in progress: the pass, records done in it and its total.
  case backupProgress(BundleStep, done: Int, total: Int)
  /// A backup to `folder` finished.
  case backedUp(folder: String, BackupResult)
}
