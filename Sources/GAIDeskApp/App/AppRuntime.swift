import Foundation
import GAIDesk

/// Performs effects against the office on disk and answers with messages; no terminal involved.
public final class AppRuntime {
  /// The data directory.
  public let paths: OfficePaths
  /// The open office, once created or unlocked.
  public private(set) var office: Office?
  /// The scrypt cost for a new office's key slot.
  public var scryptLogN: Int
  /// This device's marks (its origin and high-water mark per office).
  private let marks: DeviceMarks
  /// Where a printed page is saved when there is no printer (the home folder).
  public var pageFolder = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
  /// The environment whose printing setup (`CUPS_SERVER`, `HOME`) reaches `lp`: the user's.
  public var printingEnvironment = ProcessInfo.processInfo.environment
  /// Hears progress of long effects (a backup), from the thread performing them.
  public var report: (Message) -> Void = { _ in }

  /// Creates a runtime for `paths`.
  public init(
    paths: OfficePaths, scryptLogN: Int = ScryptParameters.defaultLogN, marks: DeviceMarks = .resolve()
  ) {
    self.paths = paths
    self.scryptLogN = scryptLogN
    self.marks = marks
  }

  /// Reads other processes' appends; a `.changed` message when there were some.
  public func refresh() -> Message? {
    guard let office, (try? office.refresh()) == true else { return nil }
    return .changed(office.state, basis: office.searchBasis)
  }

  /// The core's health report for the open office (nil before it is open).
  public func health(now: Date = WallClock.now()) -> Message? {
    office.map { .health($0.health(now: now)) }
  }

  /// Performs `effect` as `staff`; nil for effects that need no answer (quit).
  public func perform(_ effect: Effect, staff: String) -> Message? {
    do {
      return try run(effect, staff: staff)
    } catch let error as GAIDeskError {
      return .failed(effect, error)
    } catch let failure as FileIO.Failure {
      return .failed(
        effect,
        GAIDeskError(failure.isDiskFull ? .diskFull : .diskIO, failure.path, failure.reason))
    } catch {
      return .failed(effect, GAIDeskError(.uiFailed, String(describing: error)))
    }
  }

  private func run(_ effect: Effect, staff: String) throws -> Message? {
    switch effect {
    case .quit:
      return nil
    case .createOffice(let municipality, let passphrase, let name):
      let created = try Office.create(
        at: paths, office: municipality, passphrase: passphrase, staff: name, scryptLogN: scryptLogN,
        marks: marks)
      office = created
      return .opened(
        office: created.code, state: created.state, account: created.account?.name ?? "",
        recoveryCode: created.recoveryCode, search: created.visitorSearch(keeping: false),
        basis: created.searchBasis)
    case .unlock(let passphrase):
      let opened = try Office.open(at: paths, passphrase: passphrase, marks: marks)
      office = opened
      return .opened(
        office: opened.code, state: opened.state, account: opened.account?.name ?? "",
        search: opened.visitorSearch(keeping: false), basis: opened.searchBasis)
    case .closeOffice:
      office = nil
      return nil
    case .saveSettings(let language):
      // Settings are a convenience: on a medium that refuses writes they are simply not kept.
      guard paths.exists, office?.medium == nil else { return nil }
      var settings = Office.settings(paths: paths)
      // No staff name in the clear settings file: the name a settings file from before accounts kept goes
      // once the office has accounts.
      if office?.account != nil { settings.staff = nil }
      settings.language = language.rawValue
      try Office.saveSettings(settings, paths: paths)
      return nil
    default:
      break
    }
    guard let office else { throw GAIDeskError(.officeMissing, paths.root) }
    var visitID: String?
    var referralID: String?
    switch effect {
    case .arrive(let visitorID, let again):
      visitID = try office.arrive(visitorID: visitorID, staff: staff, again: again).id
    case .arriveNew(let form):
      visitID = try office.arrive(newVisitor: form, staff: staff).1.id
    case .callNext(let desk, let again):
      visitID = try office.callNext(desk: desk, staff: staff, again: again).id
    case .call(let id, let desk, let again):
      visitID = try office.call(ticket: id, desk: desk, staff: staff, again: again).id
    case .markLeft(let id):
      visitID = try office.markLeft(ticket: id, staff: staff).id
    case .recordConsent(let visitorID):
      try office.recordConsent(visitorID: visitorID, store: nil, share: true, staff: staff)
    case .setConsent(let visitorID, let store, let share):
      try office.recordConsent(visitorID: visitorID, store: store, share: share, staff: staff)
    case .updateVisitor(let id, let form):
      try office.updateVisitor(id, form: form, staff: staff)
    case .merge(let keep, let other):
      try office.mergeVisitors(keep: keep, other: other, staff: staff)
    case .unmerge(let keep, let other):
      try office.unmergeVisitors(keep: keep, other: other, staff: staff)
    case .printDaySheet(let day, let language):
      func page(names: Bool) -> PrintedPage {
        PrintedPage.day(day, state: office.state, office: office.code, language: language, names: names)
      }
      return .pagePrinted(
        try Printer.printOrSave(
          page(names: true), withoutNames: page(names: false), fileName: "gaidesk-day-\(day).txt",
          folder: pageFolder, environment: printingEnvironment))
    case .printSlip(let referralID, let language):
      let slip = try ReferralSlip.make(referralID: referralID, state: office.state, language: language)
      return .printed(effect, printer: try Printer.printOnDefault(slip.text))
    case .close(let closing):
      let closed = try office.closeVisit(closing, staff: staff)
      referralID = closed.referralIDs.first
      visitID = closed.visit.id
    case .setReferral(let id, let status, let reason):
      _ = try office.setReferral(id, status: status, reason: reason, note: nil, staff: staff)
    case .completeFollowUp(let id):
      _ = try office.completeFollowUp(id, staff: staff)
    case .addPartner(let code, let fields):
      var partner = Partner(code: code, name: fields.name)
      fields.apply(to: &partner)
      try office.addPartner(partner, staff: staff)
    case .updatePartner(let code, let fields):
      try office.updatePartner(code, staff: staff) { fields.apply(to: &$0) }
    case .retirePartner(let code):
      try office.retirePartner(code, staff: staff)
    case .saveSheet(let topic, let language, let content):
      try office.updateSheet(topic: topic, staff: staff) { $0 = $0.setting(language, to: content) }
    case .prepareBackup:
      return .backupFolders(BackupFolder.candidates(last: office.lastBackupFolder))
    case .backup(let folder):
      var shown = (step: BundleStep?.none, percent: -1)
      let result = try office.backup(to: folder) { [report] step, done, total in
        // A message per percent and pass, not per record.
        let percent = total > 0 ? done * 100 / total : 0
        guard step != shown.step || percent != shown.percent else { return }
        shown = (step, percent)
        report(.backupProgress(step, done: done, total: total))
      }
      return .backedUp(folder: folder, result)
    case .confirmKnowledge(let subject, let method, let note):
      try office.confirm(subject, method: method, note: note, staff: staff)
    case .correctSheetLine(let topic, let section, let index, let texts, let method, let note):
      try office.correctSheetLine(
        topic: topic, section: section, index: index, texts: texts, method: method, note: note, staff: staff)
    case .correctPartner(let code, let fields, let method):
      try office.correctPartner(code, method: method, staff: staff) { fields.apply(to: &$0) }
    case .reopenVisit(let id):
      visitID = try office.reopenLeft(ticket: id, staff: staff).id
    case .returnToQueue(let id, let call):
      visitID = try office.returnToQueue(ticket: id, call: call, staff: staff).id
    case .addAccount(let name, let role, let passphrase):
      try office.addAccount(
        name: name, role: role, passphrase: passphrase, staff: staff, scryptLogN: scryptLogN)
    case .removeAccount(let name):
      try office.removeAccount(name: name, staff: staff)
    case .changeRole(let name, let role):
      try office.changeRole(name: name, to: role, staff: staff)
    case .setLockTimes(let change):
      _ = try office.setLockTimes(change, staff: staff)
    case .checkPassphrase(let passphrase):
      return .passphraseChecked(person: try office.checkPassphrase(passphrase))
    case .quit, .createOffice, .unlock, .saveSettings, .closeOffice:
      break
    }
    return .done(
      effect, office.state, visitID: visitID, referralID: referralID, basis: office.searchBasis)
  }
}
