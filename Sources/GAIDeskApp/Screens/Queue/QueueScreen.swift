import Foundation
import GAIDesk
import TerminalUI

/// Today's queue: tickets with waiting time ticking, status and desk.
public struct QueueScreen: AppScreen {
  /// The highlighted ticket.
  var list = ListState(count: 0)
  /// The visit to select at the next draw (after an arrival).
  var selectVisit: String?

  /// Creates the queue screen.
  public init() {}

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      CommonKeys.bindings(tr, helpOnQuestionMark: true).prefix(1) + [
        KeyBinding(.character("a"), .arrival, help: tr("key.arrival")),
        KeyBinding(.character("c"), .callNext, help: tr("key.callNext")),
        KeyBinding(.enter, .serve, help: tr("key.serve")),
        KeyBinding(.character("f"), .sheets, help: tr("key.sheets")),
        KeyBinding(.character("l"), .left, help: tr("key.left")),
        KeyBinding(.character("p"), .profile, help: tr("key.profile")),
        KeyBinding(.character("/"), .search, help: tr("key.search")),
        KeyBinding(.character("s"), .supervisor, help: tr("key.supervisor")),
        KeyBinding(.character("u"), .undoLeft, help: tr("key.undoLeft")),
        KeyBinding(.character("e"), .accounts, help: tr("key.accounts")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: true).dropFirst() + [
        KeyBinding(.character("q"), .quit, help: tr("key.quit"))
      ])
  }

  /// The visits shown: waiting and called first (in arrival order), then the finished ones.
  static func rows(_ model: AppModel) -> [Visit] { rows(model.todaysVisits) }

  /// `visits` (today's, in arrival order) in the order the queue shows them.
  static func rows(_ visits: [Visit]) -> [Visit] {
    let open = visits.filter { $0.status == .waiting || $0.status == .called }
    let finished = visits.filter { $0.status == .done || $0.status == .left }
    return open + finished.reversed()
  }

  /// Where the parts go: the summary line, the box and the table inside it (drawing and paging use it).
  struct Layout {
    /// The one-line summary of counts.
    let summary: Rect
    /// The bordered box.
    let box: Rect
    /// The table inside the box (header row included).
    let table: Rect
  }

  /// The layout in `area`, computed once for drawing and for key handling.
  static func layout(in area: Rect) -> Layout {
    let parts = area.splitRows([.length(1), .fill(1)])
    // A column's space from the border on each side, so no title or value touches it ("Guichet│").
    return Layout(summary: parts[0], box: parts[1], table: Block().inner(parts[1]).inset(horizontal: 1))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let layout = Self.layout(in: area)
    let today = model.todaysVisits
    let visits = Self.rows(today)
    let counts = TicketCounts(today)
    let summary = tr(
      "queue.summary", String(counts.waiting), String(counts.beingServed), String(counts.served),
      String(counts.left))
    grid.render(Label(summary, role: .muted), in: layout.summary.inset(horizontal: 1))
    grid.render(Block(title: tr("queue.title", tr.date(model.today))), in: layout.box)
    let inner = layout.table
    let wide = inner.width >= 100
    var columns = [
      TableColumn(tr("col.ticket"), width: .length(6)),
      TableColumn(tr("col.name"), width: .fill(3)),
      TableColumn(tr("col.wait"), width: .length(12), alignment: .trailing),
      TableColumn(tr("col.status"), width: .length(14)),
      TableColumn(tr("col.desk"), width: .length(7)),
    ]
    if wide { columns.append(TableColumn(tr("col.staff"), width: .fill(1))) }
    if wide { columns.append(TableColumn(tr("col.arrived"), width: .length(7))) }
    if visits.isEmpty {
      grid.render(
        Paragraph(tr("queue.empty"), style: Style(.muted)), in: inner.inset(horizontal: 1, vertical: 1))
      return nil
    }
    var state = list
    state.count = visits.count
    state.pageSize = Self.pageSize(count: visits.count, table: inner)
    // A queue longer than the box gives its last row to what lies above and below.
    let rows = state.pageSize + 1
    tr.putBeyond(
      above: state.visibleOffset(rows: state.pageSize), count: visits.count, rows: state.pageSize,
      more: "queue.moreBelow", into: &grid, area: inner)
    // Only the rows on screen are written out.
    let now = WallTime(model.now)
    let statuses = Dictionary(
      uniqueKeysWithValues: VisitStatus.allCases.map { ($0, tr("status." + $0.rawValue)) })
    let table = Table(columns: columns, rowCount: visits.count, state: state) { index in
      let visit = visits[index]
      var row = [
        visit.ticket, model.name(visit.visitorID), DurationStats.text(visit.waitSeconds(now: now)),
        statuses[visit.status] ?? "", visit.desk ?? "",
      ]
      if wide { row.append(visit.servedBy ?? "") }
      if wide { row.append(LocalTime.clock(visit.arrivedAt)) }
      return row
    }
    grid.render(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows))
    return nil
  }
}

extension QueueScreen {
  /// The visit highlighted.
  func selectedVisit(_ model: AppModel) -> Visit? {
    let rows = Self.rows(model)
    guard let index = list.selected, index < rows.count else { return nil }
    return rows[index]
  }

  /// Keeps the selection inside the list (and on a newly issued ticket), paging by the table's height.
  mutating func sync(_ model: AppModel) {
    let rows = Self.rows(model)
    let previous = selectedVisit(model)?.id
    list.count = rows.count
    list.pageSize = Self.pageSize(count: rows.count, table: Self.layout(in: model.bodyArea).table)
    let wanted = selectVisit ?? previous
    if let wanted, let index = rows.firstIndex(where: { $0.id == wanted }) { list.select(index) }
    selectVisit = nil
  }

  /// The tickets shown at once in `table` (its header row aside): all the rows, or all but the last when
  /// `count` tickets need more, the last then saying what lies above and below.
  static func pageSize(count: Int, table: Rect) -> Int {
    ScrollList.itemRows(count: count, height: max(1, table.height - 1))
  }

  /// Arrival, search, call, serve, left, profile, supervisor and sheets: effects or another screen.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    sync(model)
    switch command {
    case .arrival: return Reaction(navigation: .push(.arrival(ArrivalScreen(mode: .arrival))))
    case .search: return Reaction(navigation: .push(.arrival(ArrivalScreen(mode: .lookup))))
    case .callNext:
      guard model.todaysVisits.contains(where: { $0.status == .waiting }) else {
        return Reaction(notice: Notice(model.tr("queue.none"), role: .warning))
      }
      return model.call(nil)
    case .serve:
      guard let visit = selectedVisit(model) else { return Reaction() }
      switch visit.status {
      case .waiting: return model.call(visit.id)
      case .called: return model.serve(visit)
      case .done, .left:
        // Nothing to serve: said, not a jump to the profile (where keys typed ahead would edit it).
        let status = model.tr("status.\(visit.status.rawValue)")
        return Reaction(
          notice: Notice(model.tr("queue.nothingToServe", visit.ticket, status), role: .warning))
      }
    case .left:
      // Ask first; u undoes it for a few minutes after.
      guard let visit = selectedVisit(model) else { return Reaction() }
      guard visit.status == .waiting || visit.status == .called else {
        let status = model.tr("status.\(visit.status.rawValue)")
        return Reaction(notice: Notice(model.tr("queue.cannotLeave", visit.ticket, status), role: .warning))
      }
      return Reaction(navigation: .overlay(.confirmLeft(visitID: visit.id)))
    case .undoLeft:
      guard let visit = undoableVisit(model) else {
        let minutes = String(Int(VisitReopening.window / 60))
        return Reaction(notice: Notice(model.tr("queue.nothingToUndo", minutes), role: .warning))
      }
      return Reaction([.reopenVisit(visitID: visit.id)])
    case .profile:
      guard let visit = selectedVisit(model) else { return Reaction() }
      return Reaction(navigation: .push(.profile(ProfileScreen(visitorID: visit.visitorID))))
    case .supervisor:
      // The core's matrix decides: front desk does not open the supervisor's tabs. The refusal is a box, which
      // wraps: who can is never cut off on a narrow terminal.
      if let refusal = model.state.refusal(.supervisorFigures, staff: model.staff) {
        return Reaction(navigation: .overlay(.message(model.tr.error(refusal))))
      }
      return Reaction(navigation: .push(.supervisor(SupervisorScreen())))
    case .accounts:
      // The core's matrix decides: only administrators manage accounts.
      if let refusal = model.state.refusal(.manageAccounts, staff: model.staff) {
        return Reaction(navigation: .overlay(.message(model.tr.error(refusal))))
      }
      return Reaction(navigation: .push(.custom(AccountsScreen())))
    case .sheets: return Reaction(navigation: .push(.custom(SheetFinderScreen())))
    default: return Reaction()
    }
  }

  /// The visit whose leave u undoes: the highlighted one when the core still allows it, else the one that
  /// left last and still can be undone.
  func undoableVisit(_ model: AppModel) -> Visit? {
    let now = WallTime(model.now)
    if let visit = selectedVisit(model), VisitReopening.canUndo(visit, now: now) { return visit }
    return model.todaysVisits.filter { VisitReopening.canUndo($0, now: now) }.max {
      ($0.endedAt ?? WallTime(milliseconds: 0)) < ($1.endedAt ?? WallTime(milliseconds: 0))
    }
  }

  /// Arrows and pages move the selection.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    sync(model)
    _ = list.handle(key)
    return Reaction()
  }
}

extension ServeScreen {
  /// The serve form for a called visit: the slip in the visitor's language, dates as people read them.
  init(serving visit: Visit, model: AppModel) {
    self.init(
      visit: visit, today: model.today, languages: model.visitorLanguages(visit.visitorID), tr: model.tr)
  }
}

extension Screen {
  /// Today's queue.
  public static func queue(_ screen: QueueScreen) -> Screen { .custom(screen) }
}

extension AppModel {
  /// The queue screen, when it is the current one.
  var queueScreen: QueueScreen? {
    current(QueueScreen.self)
  }

  /// The visit highlighted on the queue screen.
  func selectedVisit(_ s: QueueScreen) -> Visit? { s.selectedVisit(self) }

  /// Opens the serve screen for a called visit.
  mutating func openServe(_ visit: Visit) {
    screens.append(.serve(ServeScreen(serving: visit, model: self)))
  }
}
