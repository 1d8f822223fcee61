import Foundation
import GAIDesk
import TerminalUI

/// The whole interface state, Bubble Tea style: ``update(_:)`` turns messages into effects, ``view()`` draws.
public struct AppModel {
  /// The interface language.
  public var tr: Translator
  /// Who is at the desk.
  public var staff: String
  /// The desk visitors are called to.
  public var desk: String
  /// The office code, once open.
  public var officeCode: String?
  /// The office state, once open (a value copy the views read).
  public var state: OfficeState { didSet { reports = ReportCache() } }
  /// The core's reports of `state`, computed once for the frames that draw them.
  var reports = ReportCache()
  /// The visitor search index: the core's (``Office/visitorSearch(keeping:)``) handed over at opening, kept
  /// up to date with `state` by ``setState(_:)``.
  public var search: VisitorSearch
  /// The current time (waiting times are computed from it).
  public var now: Date
  /// The terminal size.
  public var size: Size
  /// The screens, the current one last.
  public var screens: [Screen]
  /// The box shown over the screen, if any.
  public var overlay: Overlay? {
    didSet { overlayOffset = 0 }
  }
  /// The first line shown of a long box (slips scroll with PageUp/PageDown).
  public var overlayOffset = 0
  /// A one-line message on the status line.
  public var notice: Notice?
  /// What is being done while the keys wait (e.g. unlocking).
  public var busy: String?
  /// The core's report on the journal and backups (future-dated records, forks, damage, last backup).
  public var health = OfficeHealth()
  /// Whether the person confirmed the PC's date this session (asked before the first write).
  public var clockConfirmed = false
  /// The people and timers of this PC's session, from the passphrase until the keys are wiped.
  public var deskSession: DeskSession?
  /// The locked screen, drawn instead of every other while the session is locked.
  var lockScreen: LockScreen?
  /// The screens of each person of the session while another is at the desk.
  var parkedScreens: [String: [Screen]] = [:]
  /// The clock desk sessions read (injected by tests).
  public var deskClock: @Sendable () -> Date = { Date() }
  /// A shorter idle time for this PC only (`GAIDESK_IDLE_LOCK_SECONDS`).
  public var idleOverride: TimeInterval?
  /// Whether the office is open on the worker (answers arriving after the keys were wiped are dropped).
  var officeOpen = false
  /// The backup running on the worker, if any.
  public var backupProgress: BackupProgress?

  /// The model at start: setup when there is no office, else unlock.
  public init(
    hasOffice: Bool, settings: OfficeSettings, size: Size, now: Date = WallClock.now()
  ) {
    let language = settings.language.flatMap { Language(code: $0) } ?? .portuguese
    tr = Translator(language)
    staff = settings.staff ?? ""
    desk = "1"
    state = OfficeState()
    search = VisitorSearch(state: OfficeState())
    self.now = now
    self.size = size
    screens = [hasOffice ? .custom(UnlockScreen()) : .custom(SetupScreen())]
  }

  /// The current screen.
  public var screen: Screen {
    get { screens[screens.count - 1] }
    set { screens[screens.count - 1] = newValue }
  }

  /// Today's local day.
  public var today: String { LocalTime.today(now: now) }

  /// Partners and knowledge sheets, with the office's edits.
  var directory: Directory { Directory(state: state) }

  /// The office's island code.
  var island: String? { officeCode.flatMap { ReferenceData.shipped.municipality($0)?.island } }

  /// Today's queue in this office (with the visits still open from the day before), in arrival order.
  var todaysVisits: [Visit] {
    state.queue(on: today).filter { officeCode == nil || $0.office == officeCode }
  }

  /// A visitor's display name.
  func name(_ visitorID: String) -> String {
    state.canonicalVisitor(visitorID)?.fullName ?? visitorID
  }

  /// The line under the header on every screen, most serious first: damaged or missing history, an office
  /// that cannot be written, key slots skipped or not matching the office's records; nil when all is well.
  var bannerLine: (text: String, role: Role)? {
    if !health.damage.isEmpty { return (tr("health.damage", String(health.damage.count)), .error) }
    if let medium = health.medium {
      let key =
        switch medium.cause {
        case .readOnlyFileSystem: "health.medium.read-only-file-system"
        case .noPermission: "health.medium.no-permission"
        case .diskFull: "health.medium.disk-full"
        }
      return (tr(key), .warning)
    }
    if let first = health.slotWarnings.first {
      return (tr("health.slots", String(health.slotWarnings.count), first.args.first ?? ""), .warning)
    }
    return nil
  }

  /// The area screens are drawn in: between the header and the status and key lines.
  public var bodyArea: Rect {
    let banner = bannerLine == nil ? 0 : 1
    return Rect(
      x: 0, y: 1 + banner, width: size.width, height: max(0, size.height - 2 - statusRows - banner))
  }

  /// What the status line says: work in flight, else the last notice (never while locked: it may name a
  /// visitor), else the backup reminder.
  var status: Notice? {
    if let busy { return Notice(busy, role: .warning) }
    if let notice, !isLocked { return notice }
    return backupStatus.map { Notice($0, role: .warning) }
  }

  /// The rows the status line takes: as many as its message needs to be read whole, one to three.
  var statusRows: Int {
    guard let status else { return 1 }
    return max(1, min(3, status.text.wrapped(toWidth: max(1, size.width - 2)).count))
  }

  /// Goes back one screen (never below the first).
  mutating func pop() {
    if screens.count > 1 { screens.removeLast() }
  }

  /// Replaces the office state and keeps the search index and the desk session's lock times in step; with
  /// the office's `basis` the index checks only the visitors the records folded since touched, else all.
  mutating func setState(_ newState: OfficeState, basis: SearchBasis? = nil) {
    state = newState
    // Lock times an administrator changed (here or on another PC) apply to the running session.
    deskSession?.times = newState.lockTimes
    search.update(with: newState, basis: basis)
  }
}

/// A one-line message: information, success or failure.
public struct Notice: Equatable, Sendable {
  /// The text, already translated.
  public var text: String
  /// How it is drawn.
  public var role: Role

  /// Creates a notice.
  public init(_ text: String, role: Role = .normal) {
    self.text = text
    self.role = role
  }
}

/// A screen of the program: any value following the ``AppScreen`` contract.
public enum Screen {
  /// A screen (setup, unlock, staff, queue, arrival, serve, profile, supervisor, sheets, or one added since).
  case custom(any AppScreen)

  /// The screen itself.
  public var contract: any AppScreen {
    get {
      switch self {
      case .custom(let screen): screen
      }
    }
    set { self = .custom(newValue) }
  }
}
