import Foundation
import GAIDesk
import TerminalUI

/// The supervisor's desk: the day, referrals, follow-ups, the month, partners and sheets.
public struct SupervisorScreen {
  /// The tabs, in order.
  enum Tab: Int, CaseIterable {
    case dashboard, referrals, followUps, month, partners, sheets
  }

  /// The tab shown.
  var tab: Tab = .dashboard
  /// The highlighted row of each list tab.
  var lists: [Tab: ListState] = [:]
  /// The partner or sheet being edited, if any.
  var editor: DirectoryEditor?

  /// Creates the screen on the day's dashboard.
  public init() {}

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    switch editor {
    case .partner:
      return KeyMap(
        [
          KeyBinding([.enter, .function(10)], .submit, help: tr("key.save")),
          KeyBinding(.tab, .nextField, help: tr("key.field")),
          KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    case .sheet:
      return KeyMap(
        [
          KeyBinding([.function(10), .control("s")], .save, help: tr("key.save"), label: "F10"),
          KeyBinding(.enter, .addItem, help: tr("key.addItem")),
          KeyBinding(.control("d"), .removeItem, help: tr("key.removeItem"), label: "Ctrl-D"),
          KeyBinding(.tab, .nextField, help: tr("key.field"), hidden: true),
          KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    case nil: break
    }
    var bindings: [KeyBinding<Command>] = [
      KeyBinding([.tab, .right], .nextTab, help: tr("key.nextTab"), label: "Tab"),
      KeyBinding([.backTab, .left], .previousTab, help: tr("key.previousTab"), hidden: true),
    ]
    switch tab {
    case .referrals: bindings.append(KeyBinding(.enter, .changeStatus, help: tr("key.changeStatus")))
    case .followUps: bindings.append(KeyBinding(.enter, .complete, help: tr("key.complete")))
    case .partners:
      bindings += [
        KeyBinding(.character("e"), .edit, help: tr("key.edit")),
        KeyBinding(.character("n"), .add, help: tr("key.newPartner")),
        KeyBinding(.character("r"), .retire, help: tr("key.retire")),
      ]
    case .sheets: bindings.append(KeyBinding(.character("e"), .edit, help: tr("key.edit")))
    case .dashboard, .month: break
    }
    bindings.append(KeyBinding(.escape, .back, help: tr("key.back")))
    return KeyMap(
      bindings + CommonKeys.bindings(tr, helpOnQuestionMark: true) + [
        KeyBinding(.character("q"), .quit, help: tr("key.quit"), hidden: true)
      ])
  }

  func list(_ tab: Tab, count: Int, rows: Int) -> ListState {
    var state = lists[tab] ?? ListState(count: count)
    state.count = count
    state.pageSize = max(1, rows)
    return state
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    if let editor { return EditorView.render(editor, into: &grid, area: area, model: model) }
    let tr = model.tr
    let parts = area.splitRows([.length(1), .fill(1)])
    let titles = Tab.allCases.map { tr("supervisor.tab." + String(describing: $0)) }
    grid.render(Tabs(titles: titles, selected: tab.rawValue), in: parts[0])
    let body = parts[1]
    switch tab {
    case .dashboard: Dashboard.render(into: &grid, area: body, model: model)
    case .referrals: ReferralsBoard.render(into: &grid, area: body, model: model, screen: self)
    case .followUps: FollowUpsBoard.render(into: &grid, area: body, model: model, screen: self)
    case .month: MonthReport.render(into: &grid, area: body, model: model)
    case .partners: PartnersView.render(into: &grid, area: body, model: model, screen: self)
    case .sheets: SheetsView.render(into: &grid, area: body, model: model, screen: self)
    }
    return nil
  }
}

extension AppModel {
  mutating func supervisorCommand(_ command: Command, _ s: inout SupervisorScreen) -> [Effect] {
    if s.editor != nil { return editorCommand(command, &s) }
    let count = SupervisorScreen.Tab.allCases.count
    switch command {
    case .nextTab: s.tab = SupervisorScreen.Tab(rawValue: (s.tab.rawValue + 1) % count)!
    case .previousTab: s.tab = SupervisorScreen.Tab(rawValue: (s.tab.rawValue + count - 1) % count)!
    case .changeStatus:
      let referrals = ReferralsBoard.rows(self)
      guard let index = s.lists[.referrals]?.selected ?? (referrals.isEmpty ? nil : 0),
        index < referrals.count
      else {
        return []
      }
      let referral = referrals[index]
      guard !referral.status.next.isEmpty else {
        notice = Notice(tr("referral.closedAlready"), role: .warning)
        return []
      }
      overlay = .referralStatus(StatusPicker(referralID: referral.id, options: referral.status.next))
    case .complete:
      let followUps = FollowUpsBoard.rows(self)
      guard let index = s.lists[.followUps]?.selected ?? (followUps.isEmpty ? nil : 0),
        index < followUps.count
      else {
        return []
      }
      return [.completeFollowUp(id: followUps[index].id)]
    case .edit where s.tab == .partners:
      let partners = directory.activePartners
      guard let index = s.lists[.partners]?.selected ?? (partners.isEmpty ? nil : 0), index < partners.count
      else { return [] }
      s.editor = .partner(PartnerEditor(partner: partners[index]))
    case .add where s.tab == .partners:
      s.editor = .partner(PartnerEditor())
    case .retire where s.tab == .partners:
      let partners = directory.activePartners
      guard let index = s.lists[.partners]?.selected ?? (partners.isEmpty ? nil : 0), index < partners.count
      else { return [] }
      overlay = .confirmRetire(code: partners[index].code)
    case .edit where s.tab == .sheets:
      let sheets = directory.sheets
      guard let index = s.lists[.sheets]?.selected ?? (sheets.isEmpty ? nil : 0), index < sheets.count
      else { return [] }
      s.editor = .sheet(SheetEditor(sheet: sheets[index], language: tr.language))
    default: break
    }
    return []
  }

  func supervisorInput(_ key: KeyEvent, _ s: inout SupervisorScreen) {
    if s.editor != nil { return editorInput(key, &s) }
    let count: Int
    switch s.tab {
    case .referrals: count = ReferralsBoard.rows(self).count
    case .followUps: count = FollowUpsBoard.rows(self).count
    case .partners: count = directory.activePartners.count
    case .sheets: count = directory.sheets.count
    case .dashboard, .month: return
    }
    var state = s.list(s.tab, count: count, rows: size.height - 8)
    _ = state.handle(key)
    s.lists[s.tab] = state
  }
}

/// Numbers about a list of waits in minutes.
enum Stats {
  /// The value below which `fraction` of the sorted values lie (nearest rank).
  static func percentile(_ values: [Int], _ fraction: Double) -> Int? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count - 1, max(0, rank - 1))]
  }

  /// Counts of each key, largest first (ties by key).
  static func counts(_ keys: [String]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    for key in keys { counts[key, default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
  }
}

/// The day at a glance.
enum Dashboard {
  static func render(into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let visits = model.todaysVisits
    let waits = visits.compactMap { visit in
      visit.calledAt.map { model.minutes(from: visit.arrivedAt, to: $0) }
    }
    let columns = area.splitColumns([.fill(1), .fill(1)])
    let left = Block(title: tr("dashboard.title", model.today))
    grid.render(left, in: columns[0])
    let inner = left.inner(columns[0]).inset(horizontal: 1)
    let numbers: [(String, String)] = [
      (tr("dashboard.waiting"), String(visits.filter { $0.status == .waiting }.count)),
      (tr("dashboard.serving"), String(visits.filter { $0.status == .called }.count)),
      (tr("dashboard.served"), String(visits.filter { $0.status == .done }.count)),
      (tr("dashboard.left"), String(visits.filter { $0.status == .left }.count)),
      (tr("dashboard.median"), Stats.percentile(waits, 0.5).map { tr("minutes", String($0)) } ?? "—"),
      (tr("dashboard.p90"), Stats.percentile(waits, 0.9).map { tr("minutes", String($0)) } ?? "—"),
    ]
    for (row, item) in numbers.enumerated() where row < inner.height {
      grid.put(
        item.0.padded(toWidth: 24) + item.1, at: Point(x: inner.x, y: inner.y + row), role: .normal,
        maxWidth: inner.width)
    }
    let chartTop = inner.y + numbers.count + 1
    grid.put(tr("dashboard.byHour"), at: Point(x: inner.x, y: chartTop), role: .header, maxWidth: inner.width)
    var perHour = [Int](repeating: 0, count: 24)
    for visit in visits { perHour[LocalTime.hour(visit.arrivedAt)] += 1 }
    let first = min(8, perHour.firstIndex { $0 > 0 } ?? 8)
    let hours = Array(first..<min(24, first + max(1, inner.width / 4)))
    let bars = hours.map { BarChart.Bar(String($0), value: perHour[$0]) }
    grid.render(
      BarChart(bars: bars, barWidth: 3),
      in: Rect(x: inner.x, y: chartTop + 1, width: inner.width, height: inner.maxY - chartTop - 1))
    let right = columns[1].splitRows([.fill(1), .fill(1)])
    let topics = Stats.counts(visits.flatMap(\.topics)).prefix(8).map {
      BarChart.Bar(model.tr.topic($0.0), value: $0.1)
    }
    chartBox(tr("dashboard.topics"), topics, into: &grid, area: right[0], empty: tr("dashboard.nothing"))
    let staff = Stats.counts(visits.filter { $0.status == .done }.compactMap(\.servedBy)).prefix(8).map {
      BarChart.Bar($0.0, value: $0.1)
    }
    chartBox(tr("dashboard.perStaff"), staff, into: &grid, area: right[1], empty: tr("dashboard.nothing"))
  }

  /// A bordered horizontal bar chart, or a muted line when there is nothing.
  static func chartBox(
    _ title: String, _ bars: [BarChart.Bar], into grid: inout Grid, area: Rect, empty: String
  ) {
    let block = Block(title: title)
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    if bars.isEmpty {
      grid.put(empty, at: inner.origin, role: .muted, maxWidth: inner.width)
    } else {
      grid.render(BarChart(bars: bars, orientation: .horizontal), in: inner)
    }
  }
}

/// Referrals by status, overdue ones highlighted.
enum ReferralsBoard {
  static let order: [ReferralStatus] = [
    .created, .sent, .accepted, .completed, .rejected, .noShow, .cancelled,
  ]

  static func rows(_ model: AppModel) -> [Referral] {
    model.state.allReferrals.sorted { a, b in
      let ia = order.firstIndex(of: a.status) ?? 0
      let ib = order.firstIndex(of: b.status) ?? 0
      if ia != ib { return ia < ib }
      return (a.due ?? "9999") < (b.due ?? "9999")
    }
  }

  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let referrals = rows(model)
    let open = referrals.filter { !$0.status.isClosed }.count
    let overdue = referrals.filter { $0.isOverdue(today: model.today) }.count
    let block = Block(title: tr("referrals.title", String(open), String(overdue)))
    grid.render(block, in: area)
    let inner = block.inner(area)
    guard !referrals.isEmpty else {
      grid.put(
        tr("referrals.none"), at: Point(x: inner.x + 1, y: inner.y), role: .muted, maxWidth: inner.width)
      return
    }
    let columns = [
      TableColumn(tr("col.status"), width: .length(13)), TableColumn(tr("col.name"), width: .fill(2)),
      TableColumn(tr("col.partner"), width: .fill(1)), TableColumn(tr("col.topic"), width: .fill(2)),
      TableColumn(tr("col.due"), width: .length(10)),
    ]
    let table = referrals.map { r in
      [
        tr("referral." + r.status.rawValue), model.name(r.visitorID),
        model.directory.partner(r.partner).map { $0.short ?? $0.name } ?? r.partner, tr.topic(r.topic),
        r.due ?? "",
      ]
    }
    let state = screen.list(.referrals, count: table.count, rows: inner.height - 1)
    grid.render(Table(columns: columns, rows: table, state: state), in: inner)
    let offset = state.visibleOffset(rows: inner.height - 1)
    for (index, referral) in referrals.enumerated() where referral.isOverdue(today: model.today) {
      let y = inner.y + 1 + index - offset
      guard y > inner.y, y < inner.maxY, index != state.selected else { continue }
      grid.setStyle(Style(.warning), in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
    }
  }
}

/// Follow-ups not done, due within a week or overdue.
enum FollowUpsBoard {
  static func rows(_ model: AppModel) -> [FollowUp] {
    let horizon = LocalTime.adding(days: 7, to: model.today) ?? model.today
    return model.state.allFollowUps.filter { $0.doneAt == nil && $0.on <= horizon }.sorted { $0.on < $1.on }
  }

  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let items = rows(model)
    let block = Block(title: tr("followUps.title", String(items.count)))
    grid.render(block, in: area)
    let inner = block.inner(area)
    guard !items.isEmpty else {
      grid.put(
        tr("followUps.none"), at: Point(x: inner.x + 1, y: inner.y), role: .muted, maxWidth: inner.width)
      return
    }
    let columns = [
      TableColumn(tr("col.date"), width: .length(10)), TableColumn(tr("col.name"), width: .fill(2)),
      TableColumn(tr("col.phone"), width: .length(12)), TableColumn(tr("col.note"), width: .fill(3)),
    ]
    let table = items.map { f in
      [f.on, model.name(f.visitorID), model.state.canonicalVisitor(f.visitorID)?.phone ?? "", f.note]
    }
    let state = screen.list(.followUps, count: table.count, rows: inner.height - 1)
    grid.render(Table(columns: columns, rows: table, state: state), in: inner)
    let offset = state.visibleOffset(rows: inner.height - 1)
    for (index, item) in items.enumerated() where item.on < model.today {
      let y = inner.y + 1 + index - offset
      guard y > inner.y, y < inner.maxY, index != state.selected else { continue }
      grid.setStyle(Style(.warning), in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
    }
  }
}

/// The month so far: totals, visits per day, topics and referrals by partner.
enum MonthReport {
  static func render(into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let month = String(model.today.prefix(7))
    let days = model.state.visitsByDay.keys.filter { $0.hasPrefix(month) }
    let visits = days.flatMap { model.state.visits(on: $0) }.filter {
      model.officeCode == nil || $0.office == model.officeCode
    }
    let referrals = model.state.allReferrals.filter { LocalTime.day($0.createdAt).hasPrefix(month) }
    let columns = area.splitColumns([.fill(1), .fill(1)])
    let left = Block(title: tr("month.title", month))
    grid.render(left, in: columns[0])
    let inner = left.inner(columns[0]).inset(horizontal: 1)
    let numbers: [(String, Int)] = [
      (tr("month.visits"), visits.count),
      (tr("month.visitors"), Set(visits.map(\.visitorID)).count),
      (tr("month.served"), visits.filter { $0.status == .done }.count),
      (tr("month.left"), visits.filter { $0.status == .left }.count),
      (tr("month.referrals"), referrals.count),
    ]
    for (row, item) in numbers.enumerated() where row < inner.height {
      grid.put(
        item.0.padded(toWidth: 24) + String(item.1), at: Point(x: inner.x, y: inner.y + row), role: .normal,
        maxWidth: inner.width)
    }
    let top = inner.y + numbers.count + 1
    grid.put(tr("month.perDay"), at: Point(x: inner.x, y: top), role: .header, maxWidth: inner.width)
    let dayCount = Int(model.today.suffix(2)) ?? 1
    let perDay = (1...max(1, dayCount)).map { day -> Int in
      let key = month + "-" + (day < 10 ? "0" : "") + String(day)
      return visits.filter { $0.day == key }.count
    }
    grid.render(
      Sparkline(values: perDay),
      in: Rect(x: inner.x, y: top + 1, width: inner.width, height: max(1, min(4, inner.maxY - top - 2))))
    let areas = Stats.counts(visits.flatMap(\.topics).compactMap { ReferenceData.shipped.topic($0)?.area })
      .map { code, n in
        BarChart.Bar(
          ReferenceData.shipped.areas.first { $0.code == code }?.label(tr.language) ?? code, value: n)
      }
    let areaTop = top + 6
    if areaTop + 1 < inner.maxY {
      grid.put(tr("month.byArea"), at: Point(x: inner.x, y: areaTop), role: .header, maxWidth: inner.width)
      grid.render(
        BarChart(bars: areas, orientation: .horizontal),
        in: Rect(x: inner.x, y: areaTop + 1, width: inner.width, height: inner.maxY - areaTop - 1))
    }
    let right = columns[1].splitRows([.fill(1), .fill(1)])
    let topics = Stats.counts(visits.flatMap(\.topics)).prefix(8).map {
      BarChart.Bar(tr.topic($0.0), value: $0.1)
    }
    Dashboard.chartBox(
      tr("month.topics"), topics, into: &grid, area: right[0], empty: tr("dashboard.nothing"))
    let partners = Stats.counts(referrals.map(\.partner)).prefix(8).map {
      BarChart.Bar(model.directory.partner($0.0).map { $0.short ?? $0.name } ?? $0.0, value: $0.1)
    }
    Dashboard.chartBox(
      tr("month.byPartner"), partners, into: &grid, area: right[1], empty: tr("dashboard.nothing"))
  }
}

/// The partner directory: a list and the selected partner's details.
enum PartnersView {
  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let partners = model.directory.activePartners
    let columns = area.splitColumns([.percent(40), .fill(1)])
    let block = Block(title: tr("partners.title", String(partners.count)))
    grid.render(block, in: columns[0])
    let inner = block.inner(columns[0])
    let state = screen.list(.partners, count: partners.count, rows: inner.height)
    grid.render(
      ListView(items: partners.map { ($0.short.map { $0 + " — " } ?? "") + $0.name }, state: state), in: inner
    )
    let detail = Block(title: tr("partners.detail"))
    grid.render(detail, in: columns[1])
    let text = detail.inner(columns[1]).inset(horizontal: 1)
    guard let index = state.selected, index < partners.count else { return }
    let partner = partners[index]
    let unknown = tr("partners.toConfirm")
    var lines: [(String, Role)] = [(partner.name, .title)]
    lines.append(
      (tr("partners.phone") + " " + (partner.phone ?? unknown), partner.phone == nil ? .warning : .normal))
    lines.append(
      (tr("partners.email") + " " + (partner.email ?? unknown), partner.email == nil ? .warning : .normal))
    lines.append(
      (
        tr("partners.address") + " " + (partner.address ?? unknown),
        partner.address == nil ? .warning : .normal
      ))
    let islands =
      partner.islands.contains("*")
      ? tr("partners.allIslands")
      : partner.islands.compactMap { ReferenceData.shipped.island($0)?.name }.joined(separator: ", ")
    lines.append((tr("partners.islands") + " " + islands, .normal))
    lines.append(PartnersView.sourceLine(partner.code, model: model))
    lines.append(PartnersView.confirmationLine(partner.code, model: model))
    lines.append((tr("partners.topics"), .header))
    for topic in partner.topics { lines.append(("• " + tr.topic(topic), .normal)) }
    let note = partner.note.text(tr.language)
    if !note.isEmpty {
      lines.append(("", .normal))
      for line in note.wrapped(toWidth: max(1, text.width)) { lines.append((line, .muted)) }
    }
    for (row, line) in lines.prefix(text.height).enumerated() {
      grid.put(line.0, at: Point(x: text.x, y: text.y + row), role: line.1, maxWidth: text.width)
    }
  }
}

/// The knowledge sheets: a list of topics and the selected sheet.
enum SheetsView {
  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let sheets = model.directory.sheets
    let columns = area.splitColumns([.percent(40), .fill(1)])
    let block = Block(title: tr("sheets.title", String(sheets.count)))
    grid.render(block, in: columns[0])
    let inner = block.inner(columns[0])
    let state = screen.list(.sheets, count: sheets.count, rows: inner.height)
    grid.render(ListView(items: sheets.map { tr.topic($0.topic) }, state: state), in: inner)
    guard let index = state.selected, index < sheets.count else { return }
    let sheet = sheets[index]
    let detail = Block(title: tr.topic(sheet.topic) + " · " + tr("sheets.reviewed", sheet.reviewed))
    grid.render(detail, in: columns[1])
    SheetView.render(sheet, into: &grid, area: detail.inner(columns[1]).inset(horizontal: 1), model: model)
  }
}
