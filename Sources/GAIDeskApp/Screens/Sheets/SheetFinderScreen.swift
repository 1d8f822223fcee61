import GAIDesk
import TerminalUI

/// Any knowledge sheet in a few keys from the queue: type a word of the topic or of its sheet (Portuguese,
/// English or French; topics named by it first), Enter opens the sheet, PageUp/PageDown scroll it, Esc goes back. On the open sheet ↑↓ choose a
/// line; c confirms it locally and e corrects it (how it was checked, a note), as the core records them.
public struct SheetFinderScreen: AppScreen {
  /// Words typed.
  var filter = TextFieldState(limit: 60)
  /// The highlighted topic.
  var list = ListState(count: ReferenceData.shipped.topics.count)
  /// The topic whose sheet is open, if any.
  var opened: String?
  /// The first line of the open sheet shown.
  var offset = 0
  /// The line of the open sheet chosen (a document or something to tell).
  var selected: SheetClaim?
  /// The confirmation or correction being written, if any.
  var form: ConfirmForm?

  /// Creates the finder with every topic listed.
  public init() {}

  /// Where things go: the filter, a hint, the list; or the open sheet's box and, on its last row, what the
  /// chosen line rests on.
  struct Layout {
    let filter, hint, list, sheet, status: Rect
  }

  static func layout(in area: Rect) -> Layout {
    let box = Block().inner(area).inset(horizontal: 1)
    let rows = box.splitRows([.length(1), .length(1), .length(1), .fill(1)])
    let sheet = box.splitRows([.fill(1), .length(1)])
    return Layout(filter: rows[0], hint: rows[1], list: rows[3], sheet: sheet[0], status: sheet[1])
  }

  /// The topics the core's finder gives for the words typed (names first, then sheets that hold them).
  static func topics(matching text: String, model: AppModel) -> [TopicMatch] {
    model.directory.knowledge.topics(matching: text)
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    if form != nil { return ConfirmForm.keyMap(tr) }
    var bindings: [KeyBinding<Command>] = []
    if opened == nil {
      bindings.append(KeyBinding(.enter, .submit, help: tr("key.openSheet")))
    } else {
      bindings.append(KeyBinding(.pageDown, .nextPage, help: tr("key.scroll"), label: "PgDn/PgUp"))
      bindings.append(KeyBinding(.pageUp, .previousPage, help: tr("key.scroll"), hidden: true))
      bindings.append(KeyBinding(.character("c"), .confirmItem, help: tr("key.confirmItem")))
      bindings.append(KeyBinding(.character("e"), .correctItem, help: tr("key.correctItem")))
    }
    bindings.append(KeyBinding(.escape, .back, help: tr("key.back")))
    return KeyMap(bindings + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let layout = Self.layout(in: area)
    if let form { return form.render(into: &grid, area: area, model: model) }
    if let opened, let sheet = model.directory.sheet(opened) {
      grid.render(
        Block(title: tr.topic(opened) + " · " + tr("sheets.reviewed", tr.date(sheet.reviewed))), in: area)
      let claim = selected ?? Self.claims(sheet, model: model).first
      SheetView.render(sheet, into: &grid, area: layout.sheet, model: model, offset: offset, selected: claim)
      // The last row: how many lines the core counts as to confirm, then the chosen line's confirmation.
      let pending = model.review.unconfirmedLines(topic: opened, today: model.today).count
      var x = layout.status.x
      x += grid.put(
        tr("review.pending", String(pending)), at: layout.status.origin,
        role: pending > 0 ? .warning : .success,
        maxWidth: layout.status.width)
      if let claim {
        let status = Self.status(opened, claim, model: model)
        let room = layout.status.maxX - x - 3
        if room > 0 {
          grid.put(" · " + status.0, at: Point(x: x, y: layout.status.y), role: status.1, maxWidth: room + 3)
        }
      }
      return nil
    }
    grid.render(Block(title: tr("finder.title")), in: area)
    let used = grid.put(tr("finder.search"), at: layout.filter.origin, role: .focus)
    let field = Rect(
      x: layout.filter.x + used + 1, y: layout.filter.y,
      width: max(1, min(40, layout.filter.width - used - 1)),
      height: 1)
    grid.render(TextField(filter), in: field)
    grid.put(tr("finder.hint"), at: layout.hint.origin, role: .muted, maxWidth: layout.hint.width)
    let topics = Self.topics(matching: filter.text, model: model)
    if topics.isEmpty {
      grid.put(tr("finder.none"), at: layout.list.origin, role: .muted, maxWidth: layout.list.width)
    } else {
      var state = list
      state.count = topics.count
      state.pageSize = layout.list.height
      let items = topics.map { found in
        found.topic.label(tr.language) + (found.match == .sheet ? " · " + tr("finder.inSheet") : "")
      }
      grid.render(ListView(items: items, state: state), in: layout.list)
    }
    return TextField(filter).cursorPosition(in: field)
  }

  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    if form != nil { return formCommand(command, model: model) }
    switch command {
    case .submit where opened == nil:
      let topics = Self.topics(matching: filter.text, model: model)
      guard let index = list.selected, index < topics.count else { return Reaction() }
      opened = topics[index].topic.code
      offset = 0
      selected = nil
    case .confirmItem, .correctItem: openForm(correcting: command == .correctItem, model: model)
    case .back where opened != nil:
      opened = nil
    case .nextPage: scroll(.pageDown, model: model)
    case .previousPage: scroll(.pageUp, model: model)
    default: break
    }
    return Reaction()
  }

  /// Moves the open sheet by a page (the chosen line becomes the first one shown when it scrolled out), or
  /// chooses the next or previous line (scrolling to show it); never past the last page.
  mutating func scroll(_ key: KeyEvent, model: AppModel) {
    guard let opened, let sheet = model.directory.sheet(opened) else { return }
    let area = Self.layout(in: model.bodyArea).sheet
    let rows = SheetView.rows(sheet, width: area.width, model: model, review: true)
    let claims = Self.claims(sheet, model: model)
    let page = max(1, area.height - 1)
    let current = selected.flatMap { claims.firstIndex(of: $0) } ?? 0
    func span(_ claim: SheetClaim) -> ClosedRange<Int>? {
      guard let first = rows.firstIndex(where: { $0.claim == claim }),
        let last = rows.lastIndex(where: { $0.claim == claim })
      else { return nil }
      return first...last
    }
    switch key {
    case .pageDown: offset += page
    case .pageUp: offset -= page
    case .home: offset = 0
    case .down, .up:
      guard !claims.isEmpty else { break }
      let next = claims[max(0, min(claims.count - 1, current + (key == .down ? 1 : -1)))]
      selected = next
      if key == .up, current == 0 {
        offset = 0  // ↑ on the first line shows what comes before it (the questions)
      } else if let rows = span(next) {
        if rows.lowerBound < offset { offset = rows.lowerBound }
        if rows.upperBound >= offset + page { offset = rows.upperBound - page + 1 }
      }
    default: break
    }
    offset = max(0, min(offset, rows.count - page))
    if key == .pageDown || key == .pageUp || key == .home {
      let visible = offset..<(offset + page)
      let chosen = claims.isEmpty ? nil : claims[current]
      if let chosen, let rows = span(chosen), !visible.contains(rows.lowerBound) {
        selected = claims.first { span($0).map { visible.contains($0.lowerBound) } ?? false } ?? chosen
      }
    }
  }

  /// The claims of `sheet` in the interface language, in the order shown.
  static func claims(_ sheet: KnowledgeSheet, model: AppModel) -> [SheetClaim] {
    let content = sheet.content(model.tr.language)
    return [SheetSection.documents, .tell].flatMap { section in
      section.lines(content).indices.map { SheetClaim(section: section, index: $0) }
    }
  }

  /// The chosen line's local confirmation (or that it is to confirm), for the status row.
  static func status(_ topic: String, _ claim: SheetClaim, model: AppModel) -> (String, Role) {
    let tr = model.tr
    guard let c = SheetView.confirmation(topic, claim, model: model) else {
      return (tr("review.never"), .warning)
    }
    let confirmed =
      "✓ " + tr("sources.confirmed", tr.date(c.day), c.by, tr("confirm.how.\(c.method.rawValue)"))
    let text = c.note.map { tr("labelled", confirmed, $0) } ?? confirmed
    let stale = KnowledgeReview.isStale(c, today: model.today)
    return (stale ? tr("review.stale", text) : text, stale ? .warning : .success)
  }

  /// Opens the form confirming (or correcting) the chosen line.
  mutating func openForm(correcting: Bool, model: AppModel) {
    guard let opened, let sheet = model.directory.sheet(opened) else { return }
    guard let claim = selected ?? Self.claims(sheet, model: model).first else { return }
    let lines = claim.section.lines(sheet.content(model.tr.language))
    guard claim.index < lines.count else { return }
    if correcting {
      form = ConfirmForm(
        correcting: opened, section: claim.section, index: claim.index, label: lines[claim.index])
    } else if let subject = SheetView.subject(opened, claim, model: model) {
      form = ConfirmForm(confirming: subject, label: lines[claim.index])
    }
    selected = claim
  }

  /// Commands of the open form: Enter records, Tab moves, Esc closes it.
  mutating func formCommand(_ command: Command, model: AppModel) -> Reaction {
    guard var form else { return Reaction() }
    switch command {
    case .submit:
      return Reaction([form.effect(language: model.tr.language)])
    case .nextField: form.focusNext()
    case .previousField: form.focusPrevious()
    case .back:
      self.form = nil
      return Reaction()
    default: break
    }
    self.form = form
    return Reaction()
  }

  /// A recorded confirmation or correction closes the form and says so.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    switch effect {
    case .confirmKnowledge, .correctSheetLine:
      form = nil
      return Reaction(notice: Notice(model.tr("review.saved"), role: .success))
    default: return Reaction()
    }
  }

  /// A refused confirmation or correction is said in the form, which keeps what was typed.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    guard form != nil else { return false }
    switch effect {
    case .confirmKnowledge, .correctSheetLine:
      form?.error = message
      return true
    default: return false
    }
  }

  /// Whether leaving would lose what was typed in the form.
  public var isDirty: Bool { form?.isDirty ?? false }

  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if form != nil {
      form?.input(key)
      return Reaction()
    }
    if opened != nil {
      scroll(key, model: model)
      return Reaction()
    }
    if [.up, .down, .pageUp, .pageDown].contains(key) {
      list.count = Self.topics(matching: filter.text, model: model).count
      list.pageSize = max(1, Self.layout(in: model.bodyArea).list.height)
      _ = list.handle(key)
    } else if filter.handle(key) {
      list = ListState(count: Self.topics(matching: filter.text, model: model).count)
    }
    return Reaction()
  }

  /// Esc closes an open form or sheet before leaving the finder.
  public var isInPanel: Bool { opened != nil || form != nil }
}
