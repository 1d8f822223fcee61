import Foundation
import GAIDesk
import TerminalUI

/// Today's queue: tickets with waiting time ticking, status and desk.
public struct QueueScreen {
  /// The highlighted ticket.
  var list = ListState(count: 0)
  /// The visit to select at the next draw (after an arrival).
  var selectVisit: String?

  /// Creates the queue screen.
  public init() {}

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      CommonKeys.bindings(tr, helpOnQuestionMark: true).prefix(1) + [
        KeyBinding(.character("a"), .arrival, help: tr("key.arrival")),
        KeyBinding(.character("c"), .callNext, help: tr("key.callNext")),
        KeyBinding(.enter, .serve, help: tr("key.serve")),
        KeyBinding(.character("l"), .left, help: tr("key.left")),
        KeyBinding(.character("p"), .profile, help: tr("key.profile")),
        KeyBinding(.character("/"), .search, help: tr("key.search")),
        KeyBinding(.character("s"), .supervisor, help: tr("key.supervisor")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: true).dropFirst() + [
        KeyBinding(.character("q"), .quit, help: tr("key.quit"))
      ])
  }

  /// The visits shown: waiting and called first (in arrival order), then the finished ones.
  static func rows(_ model: AppModel) -> [Visit] {
    let visits = model.todaysVisits
    let open = visits.filter { $0.status == .waiting || $0.status == .called }
    let finished = visits.filter { $0.status == .done || $0.status == .left }
    return open + finished.reversed()
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let visits = Self.rows(model)
    let all = model.todaysVisits
    let counts = VisitStatus.allCases.map { status in all.filter { $0.status == status }.count }
    let summary = tr(
      "queue.summary", String(counts[0]), String(counts[1]), String(counts[2]), String(counts[3]))
    let parts = area.splitRows([.length(1), .fill(1)])
    grid.render(Label(summary, role: .muted), in: parts[0].inset(horizontal: 1))
    let block = Block(title: tr("queue.title", model.today))
    grid.render(block, in: parts[1])
    let inner = block.inner(parts[1])
    let wide = inner.width >= 100
    var columns = [
      TableColumn(tr("col.ticket"), width: .length(6)),
      TableColumn(tr("col.name"), width: .fill(3)),
      TableColumn(tr("col.wait"), width: .length(7), alignment: .trailing),
      TableColumn(tr("col.status"), width: .length(14)),
      TableColumn(tr("col.desk"), width: .length(7)),
    ]
    if wide { columns.append(TableColumn(tr("col.staff"), width: .fill(1))) }
    if wide { columns.append(TableColumn(tr("col.arrived"), width: .length(7))) }
    let rows = visits.map { visit -> [String] in
      let end: WallTime? = visit.status == .waiting ? nil : (visit.calledAt ?? visit.endedAt)
      var row = [
        visit.ticket, model.name(visit.visitorID),
        tr("minutes", String(model.minutes(from: visit.arrivedAt, to: end))),
        tr("status." + visit.status.rawValue), visit.desk ?? "",
      ]
      if wide { row.append(visit.servedBy ?? "") }
      if wide { row.append(LocalTime.clock(visit.arrivedAt)) }
      return row
    }
    if rows.isEmpty {
      grid.render(
        Paragraph(tr("queue.empty"), style: Style(.muted)), in: inner.inset(horizontal: 1, vertical: 1))
      return nil
    }
    var state = list
    state.count = rows.count
    state.pageSize = max(1, inner.height - 1)
    grid.render(Table(columns: columns, rows: rows, state: state), in: inner)
    return nil
  }
}

extension AppModel {
  /// The visit highlighted on the queue screen.
  func selectedVisit(_ s: QueueScreen) -> Visit? {
    let rows = QueueScreen.rows(self)
    guard let index = s.list.selected, index < rows.count else { return nil }
    return rows[index]
  }

  /// Keeps the queue selection inside the list (and on a newly issued ticket).
  mutating func syncQueue(_ s: inout QueueScreen) {
    let rows = QueueScreen.rows(self)
    let previous = selectedVisit(s)?.id
    s.list.count = rows.count
    s.list.pageSize = max(1, size.height - 7)
    let wanted = s.selectVisit ?? previous
    if let wanted, let index = rows.firstIndex(where: { $0.id == wanted }) { s.list.select(index) }
    s.selectVisit = nil
  }

  mutating func queueCommand(_ command: Command, _ s: inout QueueScreen) -> [Effect] {
    syncQueue(&s)
    switch command {
    case .arrival:
      screens.append(.arrival(ArrivalScreen(mode: .arrival)))
    case .search:
      screens.append(.arrival(ArrivalScreen(mode: .lookup)))
    case .callNext:
      guard todaysVisits.contains(where: { $0.status == .waiting }) else {
        notice = Notice(tr("queue.none"), role: .warning)
        return []
      }
      return [.callNext(desk: desk)]
    case .serve:
      guard let visit = selectedVisit(s) else { return [] }
      switch visit.status {
      case .waiting: return [.call(visitID: visit.id, desk: desk)]
      case .called: openServe(visit)
      case .done, .left: screens.append(.profile(ProfileScreen(visitorID: visit.visitorID)))
      }
    case .left:
      guard let visit = selectedVisit(s), visit.status == .waiting || visit.status == .called else {
        return []
      }
      return [.markLeft(visitID: visit.id)]
    case .profile:
      guard let visit = selectedVisit(s) else { return [] }
      screens.append(.profile(ProfileScreen(visitorID: visit.visitorID)))
    case .supervisor:
      screens.append(.supervisor(SupervisorScreen()))
    default: break
    }
    return []
  }

  func queueInput(_ key: KeyEvent, _ s: inout QueueScreen) {
    _ = s.list.handle(key)
  }

  /// Opens the serve screen for a called visit.
  mutating func openServe(_ visit: Visit) {
    screens.append(.serve(ServeScreen(visit: visit, today: today)))
  }
}
