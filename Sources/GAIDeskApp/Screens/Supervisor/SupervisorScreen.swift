import Foundation
import GAIDesk
import TerminalUI

/// The supervisor's desk: the day, referrals, follow-ups, the month, partners and sheets.
public struct SupervisorScreen: AppScreen {
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
  /// Whether the partners tab lists only the entries to confirm (oldest first).
  var toConfirmOnly = false
  /// Whether the sheet highlighted on the sheets tab is open (Enter): ↑↓ PgUp PgDn scroll it, Esc closes it.
  var sheetOpen = false
  /// The first line of the open sheet shown.
  var sheetOffset = 0

  /// Creates the screen on the day's dashboard.
  public init() {}

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    switch editor {
    case .partner:
      return KeyMap(
        [
          KeyBinding([.enter, .function(10)], .submit, help: tr("key.save")),
          KeyBinding(.tab, .nextField, help: tr("key.field")),
          KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
          KeyBinding(.function(3), .correctItem, help: tr("key.checkedHow")),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    case .confirm: return ConfirmForm.keyMap(tr)
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
    case .referrals:
      bindings += [
        KeyBinding(.enter, .changeStatus, help: tr("key.changeStatus")),
        KeyBinding(.character("p"), .print, help: tr("key.printSlip")),
      ]
    case .followUps: bindings.append(KeyBinding(.enter, .complete, help: tr("key.complete")))
    case .partners:
      bindings += [
        KeyBinding(.character("c"), .confirmItem, help: tr("key.confirmItem")),
        KeyBinding(.character("e"), .edit, help: tr("key.edit")),
        KeyBinding(
          .character("v"), .toConfirm, help: tr(toConfirmOnly ? "key.allPartners" : "key.toConfirm")),
        KeyBinding(.character("n"), .add, help: tr("key.newPartner")),
        KeyBinding(.character("r"), .retire, help: tr("key.retire")),
      ]
    case .sheets where sheetOpen:
      bindings += [
        // ↑ and ↓ scroll by a line through input.
        KeyBinding(.pageDown, .nextPage, help: tr("key.scroll"), label: "↑↓ PgDn/PgUp"),
        KeyBinding(.pageUp, .previousPage, help: tr("key.scroll"), hidden: true),
        KeyBinding(.character("e"), .edit, help: tr("key.edit")),
      ]
    case .sheets:
      bindings += [
        KeyBinding(.enter, .submit, help: tr("key.openSheet")),
        KeyBinding(.character("e"), .edit, help: tr("key.edit")),
      ]
    case .dashboard:
      bindings += [
        KeyBinding(.character("b"), .backup, help: tr("key.backup")),
        KeyBinding(.character("p"), .print, help: tr("key.printDay")),
      ]
    case .month: break
    }
    bindings.append(KeyBinding(.escape, .back, help: tr("key.back")))
    return KeyMap(
      bindings + CommonKeys.bindings(tr, helpOnQuestionMark: true) + [
        KeyBinding(.character("q"), .quit, help: tr("key.quit"), hidden: true)
      ])
  }

  /// The rows a tab's list of `count` items shows in `area` (the same split as drawing: tabs, then a bordered
  /// box), less the row saying how many lie beyond when they outrun it (partners, sheets).
  static func listRows(_ tab: Tab, in area: Rect, count: Int) -> Int {
    let inner = Block().inner(area.splitRows([.length(1), .fill(1)])[1])
    switch tab {
    // A header row (referrals, follow-ups) or a line saying what the marks mean (sheets).
    case .referrals, .followUps, .sheets: return ScrollList.itemRows(count: count, height: inner.height - 1)
    case .partners: return ScrollList.itemRows(count: count, height: inner.height)
    default: return inner.height
    }
  }

  func list(_ tab: Tab, count: Int, rows: Int) -> ListState {
    var state = lists[tab] ?? ListState(count: count)
    state.count = count
    state.pageSize = max(1, rows)
    return state
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    if let editor { return EditorView.render(editor, into: &grid, area: area, model: model) }
    let tr = model.tr
    let parts = area.splitRows([.length(1), .fill(1)])
    let titles = Tab.allCases.map { tr("supervisor.tab." + String(describing: $0)) }
    grid.render(Tabs(titles: titles, selected: tab.rawValue), in: parts[0])
    let body = parts[1]
    switch tab {
    case .dashboard: DayTab.render(into: &grid, area: body, model: model)
    case .referrals: ReferralsBoard.render(into: &grid, area: body, model: model, screen: self)
    case .followUps: FollowUpsBoard.render(into: &grid, area: body, model: model, screen: self)
    case .month: MonthTab.render(into: &grid, area: body, model: model)
    case .partners: PartnersView.render(into: &grid, area: body, model: model, screen: self)
    case .sheets: SheetsView.render(into: &grid, area: body, model: model, screen: self)
    }
    return nil
  }
}

extension SupervisorScreen {
  /// Tabs, referral status, follow-ups done, partner and sheet editing.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    if editor != nil { return editorCommand(command, model: model) }
    let count = SupervisorScreen.Tab.allCases.count
    switch command {
    case .nextTab:
      tab = SupervisorScreen.Tab(rawValue: (tab.rawValue + 1) % count)!
      sheetOpen = false
    case .previousTab:
      tab = SupervisorScreen.Tab(rawValue: (tab.rawValue + count - 1) % count)!
      sheetOpen = false
    case .submit where tab == .sheets && !model.directory.sheets.isEmpty:
      sheetOpen = true
      sheetOffset = 0
    case .back where sheetOpen:
      sheetOpen = false
    case .nextPage where sheetOpen: scrollSheet(.pageDown, model: model)
    case .previousPage where sheetOpen: scrollSheet(.pageUp, model: model)
    case .changeStatus:
      guard let referral = selectedReferral(model) else { return Reaction() }
      guard !referral.status.next.isEmpty else {
        return Reaction(notice: Notice(model.tr("referral.closedAlready"), role: .warning))
      }
      return Reaction(
        navigation: .overlay(
          .referralStatus(StatusPicker(referralID: referral.id, options: referral.status.next))))
    case .complete:
      let followUps = FollowUpsBoard.rows(model)
      guard let index = lists[.followUps]?.selected ?? (followUps.isEmpty ? nil : 0),
        index < followUps.count
      else {
        return Reaction()
      }
      return Reaction([.completeFollowUp(id: followUps[index].id)])
    case .edit where tab == .partners:
      let partners = PartnersView.shown(model, toConfirm: toConfirmOnly)
      guard let index = lists[.partners]?.selected ?? (partners.isEmpty ? nil : 0), index < partners.count
      else { return Reaction() }
      editor = .partner(PartnerEditor(partner: partners[index]))
    case .confirmItem where tab == .partners:
      let partners = PartnersView.shown(model, toConfirm: toConfirmOnly)
      guard let index = lists[.partners]?.selected ?? (partners.isEmpty ? nil : 0), index < partners.count
      else { return Reaction() }
      let partner = partners[index]
      editor = .confirm(ConfirmForm(confirming: .partner(code: partner.code), label: partner.name))
    case .toConfirm where tab == .partners:
      toConfirmOnly.toggle()
      lists[.partners] = nil
    case .add where tab == .partners:
      editor = .partner(PartnerEditor())
    case .retire where tab == .partners:
      let partners = PartnersView.shown(model, toConfirm: toConfirmOnly)
      guard let index = lists[.partners]?.selected ?? (partners.isEmpty ? nil : 0), index < partners.count
      else { return Reaction() }
      return Reaction(navigation: .overlay(.confirmRetire(code: partners[index].code)))
    case .backup where tab == .dashboard:
      guard model.backupProgress == nil else {
        return Reaction(notice: Notice(model.tr("backup.alreadyRunning"), role: .warning))
      }
      return Reaction([.prepareBackup])
    case .print where tab == .referrals:
      // The selected referral's slip again, in the visitor's language, as the serve screen prints it.
      guard let referral = selectedReferral(model) else { return Reaction() }
      let languages = model.state.canonicalVisitor(referral.visitorID)?.languages ?? []
      return Reaction(
        [.printSlip(referralID: referral.id, language: ReferralSlip.language(speaking: languages))],
        busy: model.tr("busy.printing"))
    case .print where tab == .dashboard:
      return Reaction(
        [.printDaySheet(day: model.today, language: model.tr.language)], busy: model.tr("busy.printing"))
    case .edit where tab == .sheets:
      let sheets = model.directory.sheets
      guard let index = lists[.sheets]?.selected ?? (sheets.isEmpty ? nil : 0), index < sheets.count
      else { return Reaction() }
      editor = .sheet(SheetEditor(sheet: sheets[index], language: model.tr.language))
    default: break
    }
    return Reaction()
  }

  /// The referral highlighted on the referrals board (the first when none is), nil when there is none.
  private func selectedReferral(_ model: AppModel) -> Referral? {
    let referrals = ReferralsBoard.rows(model)
    guard let index = lists[.referrals]?.selected ?? (referrals.isEmpty ? nil : 0), index < referrals.count
    else { return nil }
    return referrals[index]
  }

  /// Arrows move in the tab's list; typing goes to an open form.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if editor != nil {
      editorInput(key)
      return Reaction()
    }
    let count: Int
    switch tab {
    case .referrals: count = ReferralsBoard.rows(model).count
    case .followUps: count = FollowUpsBoard.rows(model).count
    case .partners: count = PartnersView.shown(model, toConfirm: toConfirmOnly).count
    case .sheets: count = model.directory.sheets.count
    case .dashboard, .month: return Reaction()
    }
    if sheetOpen, tab == .sheets {
      scrollSheet(key, model: model)
      return Reaction()
    }
    var state = list(
      tab, count: count, rows: SupervisorScreen.listRows(tab, in: model.bodyArea, count: count))
    _ = state.handle(key)
    lists[tab] = state
    return Reaction()
  }
}

/// Referrals by status, overdue ones highlighted.
enum ReferralsBoard {
  static let order: [ReferralStatus] = [
    .created, .sent, .accepted, .completed, .rejected, .noShow, .cancelled,
  ]

  /// The referrals by status, then by due day (sorted once per state).
  static func rows(_ model: AppModel) -> [Referral] {
    model.reports.referrals {
      model.state.allReferrals.sorted { a, b in
        let ia = order.firstIndex(of: a.status) ?? 0
        let ib = order.firstIndex(of: b.status) ?? 0
        if ia != ib { return ia < ib }
        return (a.due ?? "9999") < (b.due ?? "9999")
      }
    }
  }

  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let referrals = rows(model)
    let today = model.today
    let (open, overdue) = model.reports.referralCounts(day: today) {
      (referrals.count { !$0.status.isClosed }, referrals.count { $0.isOverdue(endOf: today) })
    }
    // The title counts what the list holds (closed referrals too, after the open ones), then the open and overdue.
    let block = Block(
      title: tr("referrals.title", String(open), String(overdue), String(referrals.count)))
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
    // The header, the rows, and under them how many lie above and below when they outrun the box.
    let rows = ScrollList.itemRows(count: referrals.count, height: inner.height - 1)
    let state = screen.list(.referrals, count: referrals.count, rows: rows)
    // Only the rows on screen are written out.
    let directory = model.directory
    let table = Table(columns: columns, rowCount: referrals.count, state: state) { index in
      let r = referrals[index]
      return [
        tr("referral." + r.status.rawValue), model.name(r.visitorID),
        directory.partner(r.partner).map { $0.short ?? $0.name } ?? r.partner, tr.topic(r.topic),
        r.due.map(tr.date) ?? "",
      ]
    }
    grid.render(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows + 1))
    let offset = state.visibleOffset(rows: rows)
    tr.putBeyond(
      above: offset, count: referrals.count, rows: rows, more: "list.more", into: &grid, area: inner)
    for index in offset..<min(referrals.count, offset + max(0, rows))
    where referrals[index].isOverdue(endOf: today) {
      let y = inner.y + 1 + index - offset
      guard y > inner.y, y < inner.maxY, index != state.selected else { continue }
      grid.setStyle(Style(.warning), in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
    }
  }
}

/// The core's follow-ups to do: those due (overdue first), then those of the coming week.
enum FollowUpsBoard {
  static func rows(_ model: AppModel) -> [FollowUp] {
    let agenda = model.reports.followUps(model.state, day: model.today)
    return (agenda.due + agenda.coming).sorted { $0.on < $1.on }
  }

  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let agenda = model.reports.followUps(model.state, day: model.today)
    let items = (agenda.due + agenda.coming).sorted { $0.on < $1.on }
    let block = Block(title: tr("followUps.title", String(agenda.due.count), String(agenda.coming.count)))
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
    let rows = ScrollList.itemRows(count: items.count, height: inner.height - 1)
    let state = screen.list(.followUps, count: items.count, rows: rows)
    // Only the rows on screen are written out.
    let table = Table(columns: columns, rowCount: items.count, state: state) { index in
      let f = items[index]
      return [
        tr.date(f.on), model.name(f.visitorID), model.state.canonicalVisitor(f.visitorID)?.phone ?? "",
        f.note,
      ]
    }
    grid.render(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows + 1))
    let offset = state.visibleOffset(rows: rows)
    tr.putBeyond(above: offset, count: items.count, rows: rows, more: "list.more", into: &grid, area: inner)
    let today = model.today
    for index in offset..<min(items.count, offset + max(0, rows)) where items[index].on < today {
      let y = inner.y + 1 + index - offset
      guard y > inner.y, y < inner.maxY, index != state.selected else { continue }
      grid.setStyle(Style(.warning), in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
    }
  }
}

/// The partner directory: a list and the selected partner's details.
enum PartnersView {
  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let partners = shown(model, toConfirm: screen.toConfirmOnly)
    let columns = area.splitColumns([.percent(40), .fill(1)])
    let pending = String(shown(model, toConfirm: true).count)
    let title =
      screen.toConfirmOnly
      ? tr("partners.toConfirmTitle", pending) : tr("partners.title", String(partners.count))
    let block = Block(title: title)
    grid.render(block, in: columns[0])
    let inner = block.inner(columns[0])
    let state = screen.list(
      .partners, count: partners.count, rows: ScrollList.itemRows(count: partners.count, height: inner.height)
    )
    let items = partners.map { partner in
      (needsConfirming(partner.code, model: model) ? "! " : "✓ ") + (partner.short.map { $0 + " — " } ?? "")
        + partner.name
    }
    grid.render(ScrollList(items: items, state: state, beyond: ReportView.beyond(tr)), in: inner)
    let detail = Block(title: tr("partners.detail") + " · " + tr("review.pending", pending))
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
    // What the entry rests on and its local confirmation, whole (wrapped), never cut at the box's edge.
    for (line, role) in [
      PartnersView.sourceLine(partner.code, model: model),
      PartnersView.confirmationLine(partner.code, model: model),
    ] {
      for part in line.wrapped(toWidth: max(1, text.width)) { lines.append((part, role)) }
    }
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
  /// The list's box and the sheet's box in the tab's `area`.
  static func columns(in area: Rect) -> [Rect] { area.splitColumns([.percent(40), .fill(1)]) }

  /// Where the sheet's lines go in the screen's `body` (under the tabs, inside the sheet's box).
  static func detailArea(in body: Rect) -> Rect {
    let area = body.splitRows([.length(1), .fill(1)])[1]
    return Block().inner(columns(in: area)[1]).inset(horizontal: 1)
  }

  /// Each sheet's row: "!" and how many of its lines the core counts as to confirm, or "✓" when none, the
  /// counts right-aligned so that the topics start in one column.
  static func items(_ sheets: [KnowledgeSheet], model: AppModel) -> [String] {
    let review = model.review
    let counts = sheets.map { review.unconfirmedLines(topic: $0.topic, today: model.today).count }
    let width = counts.filter { $0 > 0 }.map { String($0).count }.max() ?? 0
    return zip(sheets, counts).map { sheet, pending in
      let count = pending > 0 ? String(pending) : ""
      let mark = (pending > 0 ? "! " : "✓ ") + count.padded(toWidth: width, alignment: .trailing)
      return (width > 0 ? mark + " " : mark) + model.tr.topic(sheet.topic)
    }
  }

  static func render(into grid: inout Grid, area: Rect, model: AppModel, screen: SupervisorScreen) {
    let tr = model.tr
    let sheets = model.directory.sheets
    let columns = columns(in: area)
    let block = Block(title: tr("sheets.title", String(sheets.count)))
    grid.render(block, in: columns[0])
    let inner = block.inner(columns[0])
    let listHeight = max(0, inner.height - 1)
    let state = screen.list(
      .sheets, count: sheets.count, rows: ScrollList.itemRows(count: sheets.count, height: listHeight))
    // Each sheet with how many of its lines the core counts as to confirm (f opens it to confirm them), and
    // under them how many lie above and below.
    grid.render(
      ScrollList(
        items: items(sheets, model: model), state: state,
        selectedStyle: Style(
          screen.sheetOpen ? .normal : .selected, attributes: screen.sheetOpen ? .bold : []),
        beyond: ReportView.beyond(tr)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: listHeight))
    grid.put(
      tr("sheets.legend"), at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
    guard let index = state.selected, index < sheets.count else { return }
    let sheet = sheets[index]
    let detail = Block(title: tr.topic(sheet.topic) + " · " + tr("sheets.reviewed", tr.date(sheet.reviewed)))
    grid.render(detail, in: columns[1])
    // Open (Enter), it scrolls from its offset and says "↓ more (PgDn)"; else the hint says Enter reads it.
    SheetView.render(
      sheet, into: &grid, area: detail.inner(columns[1]).inset(horizontal: 1), model: model,
      offset: screen.sheetOpen ? screen.sheetOffset : nil, continues: tr("sheets.continues"))
  }
}

extension SupervisorScreen {
  /// Whether an open form holds changes.
  public var isDirty: Bool { editor?.isDirty ?? false }

  /// Esc closes an open form or sheet before leaving the desk.
  public var isInPanel: Bool { editor != nil || (tab == .sheets && sheetOpen) }

  /// Moves the open sheet by a line (↑, ↓) or a page (PgUp, PgDn), as the serve screen's sheet scrolls,
  /// stopping at its last page.
  mutating func scrollSheet(_ key: KeyEvent, model: AppModel) {
    let sheets = model.directory.sheets
    guard let index = lists[.sheets]?.selected ?? (sheets.isEmpty ? nil : 0), index < sheets.count else {
      return
    }
    let area = SheetsView.detailArea(in: model.bodyArea)
    let rows = SheetView.rows(sheets[index], width: area.width, model: model, review: false).count
    sheetOffset = SheetView.scrolled(sheetOffset, by: key, rows: rows, height: area.height)
  }

  /// A saved partner or sheet closes its form and says so.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    switch effect {
    case .addPartner(let code, _), .updatePartner(let code, _):
      editor = nil
      let name = model.directory.partner(code)?.name ?? code
      return Reaction(notice: Notice(model.tr("partnerEdit.saved", name), role: .success))
    case .saveSheet(let topic, _, _):
      editor = nil
      return Reaction(notice: Notice(model.tr("sheetEdit.saved", model.tr.topic(topic)), role: .success))
    case .correctPartner(let code, _, _):
      editor = nil
      let name = model.directory.partner(code)?.name ?? code
      return Reaction(notice: Notice(model.tr("partnerEdit.corrected", name), role: .success))
    case .confirmKnowledge:
      editor = nil
      return Reaction(notice: Notice(model.tr("review.saved"), role: .success))
    default: return Reaction()
    }
  }

  /// A refused save is said in the open form, which keeps what was typed.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    switch (effect, editor) {
    case (.addPartner, .partner(var e)), (.updatePartner, .partner(var e)),
      (.correctPartner, .partner(var e)):
      e.error = message
      editor = .partner(e)
    case (.saveSheet, .sheet(var e)):
      e.error = message
      editor = .sheet(e)
    case (.confirmKnowledge, .confirm(var f)):
      f.error = message
      editor = .confirm(f)
    default: return false
    }
    return true
  }
}

extension Screen {
  /// The supervisor's desk.
  public static func supervisor(_ screen: SupervisorScreen) -> Screen { .custom(screen) }
}
