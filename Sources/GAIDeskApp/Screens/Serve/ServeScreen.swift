import Foundation
import GAIDesk
import TerminalUI

/// Serving a visit: topics (type to filter, several allowed), outcome, note, referral, follow-up.
public struct ServeScreen: AppScreen {
  /// The parts of the form, in Tab order.
  enum Section: Int, CaseIterable {
    case topics, partner, outcome, note, due, followUp
  }

  /// A partner row ticked: the partner and the topic the row names.
  struct ReferralPick: Hashable {
    let partner: String
    let topic: String

    init(_ suggestion: PartnerSuggestion) {
      partner = suggestion.partner.code
      topic = suggestion.topic
    }
  }

  /// The visit served.
  let visitID: String
  /// The call being served (when the visit was called): closing or putting it back goes through this call, and
  /// is refused once the visit went back to the queue or was called again since.
  let call: WallTime?
  /// The visitor.
  let visitorID: String
  /// The focused section.
  var focus: Section = .topics
  /// Type-to-filter over the topics.
  var topicFilter = TextFieldState(limit: 60)
  /// The highlighted topic; its page is the rows the layout gives the list.
  var topicList = ListState(count: ReferenceData.shipped.topics.count)
  /// The topics chosen, in the order chosen.
  var chosen: [String] = []
  /// The outcome.
  var outcome = TextFieldState(limit: 200)
  /// The note.
  var note = TextFieldState(limit: Validation.maxNoteLength)
  /// The highlighted partner suggestion.
  var partnerList = ListState(count: 0, pageSize: 3)
  /// The rows ticked: one referral each, to the row's partner under the row's topic.
  var partners: [ReferralPick] = []
  /// The referral's due date.
  var due: TextFieldState
  /// The follow-up date.
  var followUp = TextFieldState(limit: 10)
  /// The language of the slips handed to the visitor.
  var slipLanguage: Language
  /// Whether the slips are printed when the visit is saved.
  var printSlips = false
  /// Whether the knowledge sheet fills the screen (narrow terminals).
  var sheetShown = false
  /// Whether the sheet covers the form (F4 on a narrow terminal): Esc then closes it, as F4 does.
  var sheetCovers = false
  /// The first line of the sheet shown, once scrolled with PageDown.
  var sheetOffset = 0
  /// The last problem, translated.
  var error: String?

  /// Starts serving `visit`.
  init(visit: Visit, today: String, languages: [String] = [], tr: Translator = Translator(.portuguese)) {
    visitID = visit.id
    call = visit.calledAt
    visitorID = visit.visitorID
    slipLanguage = ReferralSlip.language(speaking: languages)
    due = TextFieldState(
      text: LocalTime.adding(days: 14, to: today).map(tr.date) ?? "", selected: true, limit: 10)
  }

  /// Whether leaving would lose what was entered.
  public var isDirty: Bool {
    !chosen.isEmpty || !outcome.text.isEmpty || !note.text.isEmpty || !partners.isEmpty
      || !followUp.text.isEmpty
  }

  /// The topics matching the filter.
  func topics(_ tr: Translator) -> [Topic] {
    let query = SearchText.fold(topicFilter.text)
    guard !query.isEmpty else { return ReferenceData.shipped.topics }
    return ReferenceData.shipped.topics.filter { topic in
      let area = ReferenceData.shipped.areas.first { $0.code == topic.area }?.label(tr.language) ?? ""
      return SearchText.fold(topic.label(tr.language) + " " + area + " " + topic.code).contains(query)
    }
  }

  /// The topic whose sheet is shown: the highlighted one while choosing, else the first chosen.
  func sheetTopic(_ tr: Translator) -> String? {
    if focus == .topics, let index = topicList.selected {
      let list = topics(tr)
      if index < list.count { return list[index].code }
    }
    return chosen.first
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    let enterHelp: String
    switch focus {
    case .topics: enterHelp = tr("key.toggleTopic")
    case .partner: enterHelp = tr("key.choosePartner")
    default: enterHelp = tr("key.next")
    }
    // The sheet over the form is closed first (Esc there must not ask to leave the visit); else F4 shows it and
    // Esc leaves, asking whether a called visit goes back to the queue (or stays called, or is served on).
    let sheetKeys =
      sheetCovers
      ? [KeyBinding<Command>([.escape, .function(4)], .sheet, help: tr("key.closeSheet"), label: "Esc/F4")]
      : [
        KeyBinding<Command>(.function(4), .sheet, help: tr("key.sheet")),
        KeyBinding<Command>(.escape, .back, help: tr(call == nil ? "key.back" : "key.leaveServe")),
      ]
    return KeyMap(
      (sheetCovers ? sheetKeys : []) + [
        KeyBinding([.function(10), .control("s")], .save, help: tr("key.closeVisit"), label: "F10"),
        KeyBinding(.function(5), .returnToQueue, help: tr("key.backToQueue")),
        KeyBinding(.enter, .submit, help: enterHelp),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.function(3), .slipLanguage, help: tr("key.slipLanguage")),
        KeyBinding(.control("p"), .togglePrint, help: tr("key.togglePrint"), label: "Ctrl-P", hidden: true),
      ] + (sheetCovers ? [] : sheetKeys) + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let visitor = model.state.canonicalVisitor(visitorID)
    let visit = model.state.visits[visitID]
    let title = tr("serve.title", visit?.ticket ?? "", visitor?.fullName ?? visitorID)
    // F4: on a narrow terminal the sheet takes the whole screen; on a wide one it hides or shows beside.
    let sheet = sheetArea(in: area)
    if let sheet, sheet == area {
      renderSheet(into: &grid, area: sheet, model: model)
      return nil
    }
    let columns = sheet == nil ? [area] : Self.besideColumns(in: area)
    let block = Block(title: title)
    grid.render(block, in: columns[0])
    if let sheet { renderSheet(into: &grid, area: sheet, model: model) }
    let inner = block.inner(columns[0]).inset(horizontal: 1)
    let layout = Self.layout(
      in: inner, messageRows: messageRows(width: inner.width), partnerRows: partnerRows(model))
    var cursor: Point?
    let labelWidth = 14
    func label(_ key: String, _ section: Section, in row: Rect) {
      grid.put(tr(key).padded(toWidth: labelWidth), at: row.origin, role: focus == section ? .focus : .normal)
    }
    func field(_ state: TextFieldState, _ section: Section, in row: Rect, x: Int, width: Int) {
      let rect = Rect(x: x, y: row.y, width: max(1, min(width, row.maxX - x)), height: 1)
      let widget = TextField(state, editing: focus == section)
      grid.render(widget, in: rect)
      if focus == section { cursor = widget.cursorPosition(in: rect) }
    }
    // Visitor line.
    var about = [tr.country(visitor?.nationality)].filter { !$0.isEmpty }
    if let visit {
      about.append(tr("serve.waited", DurationStats.text(visit.waitSeconds(now: WallTime(model.now)))))
    }
    about.append(visitor?.consentToShare?.granted == true ? tr("serve.consentYes") : tr("serve.consentNo"))
    grid.put(about.joined(separator: " · "), at: layout.about.origin, role: .muted, maxWidth: inner.width)
    // Topics.
    label("serve.topics", .topics, in: layout.filter)
    field(topicFilter, .topics, in: layout.filter, x: inner.x + labelWidth, width: 30)
    let items = topics(tr).map { topic in
      (chosen.contains(topic.code) ? "[x] " : "[ ] ") + topic.label(tr.language)
    }
    var topicState = topicList
    topicState.count = items.count
    if items.isEmpty {
      grid.put(tr("serve.noTopic"), at: layout.topics.origin, role: .muted)
    } else {
      // All the rows the form leaves, the last saying how many topics lie above and below when they do.
      grid.render(
        ScrollList(
          items: items, state: topicState,
          selectedStyle: Style(focus == .topics ? .selected : .normal, attributes: .bold)
        ) { tr.beyond(above: $0, below: $1, more: "serve.moreTopics") },
        in: layout.topics)
    }
    let chosenText =
      chosen.isEmpty
      ? tr("serve.noneChosen") : chosen.map { tr.topic($0) }.joined(separator: tr("list.separator"))
    grid.put(
      tr("serve.chosen") + " " + chosenText, at: layout.chosen.origin,
      role: chosen.isEmpty ? .muted : .success, maxWidth: inner.width)
    // Referrals: one per partner ticked.
    label("serve.referTo", .partner, in: layout.partners)
    let list = Rect(
      x: inner.x + labelWidth, y: layout.partners.y, width: inner.width - labelWidth,
      height: layout.partners.height)
    let partners = suggestions(model)
    if partners.isEmpty {
      grid.put(
        tr(chosen.isEmpty ? "serve.chooseTopicFirst" : "serve.noPartner"), at: list.origin, role: .muted,
        maxWidth: list.width)
    } else {
      // With several topics ticked a partner may serve more than one: its row names the topic.
      let items = partners.map { row in
        let p = row.partner
        let mark = self.partners.contains(ReferralPick(row)) ? "[x] " : "[ ] "
        guard chosen.count > 1 else { return mark + (p.short.map { $0 + " — " } ?? "") + p.name }
        return mark + (p.short ?? p.name) + " · " + tr.topic(row.topic)
          + (p.short == nil ? "" : " — " + p.name)
      }
      var state = partnerList
      state.count = items.count
      // The rows it has, the last saying how many partners lie above and below when they do.
      grid.render(
        ScrollList(
          items: items, state: state,
          selectedStyle: Style(focus == .partner ? .selected : .normal, attributes: .bold)
        ) { tr.beyond(above: $0, below: $1, more: "serve.morePartners") },
        in: list)
    }
    // Dates, outcome, note.
    label("serve.due", .due, in: layout.dates)
    field(due, .due, in: layout.dates, x: inner.x + labelWidth, width: 11)
    let followX = inner.x + labelWidth + 13
    grid.put(
      tr("serve.followUp"), at: Point(x: followX, y: layout.dates.y),
      role: focus == .followUp ? .focus : .normal)
    field(
      followUp, .followUp, in: layout.dates, x: followX + tr("serve.followUp").displayWidth + 1, width: 11)
    label("serve.outcome", .outcome, in: layout.outcome)
    field(outcome, .outcome, in: layout.outcome, x: inner.x + labelWidth, width: inner.width - labelWidth)
    label("serve.note", .note, in: layout.note)
    field(note, .note, in: layout.note, x: inner.x + labelWidth, width: inner.width - labelWidth)
    // The slips: their language and whether they are printed.
    let languageName = ReferenceData.shipped.language(slipLanguage.rawValue)?.label(tr.language) ?? ""
    grid.put(
      tr("serve.slip", languageName, tr(printSlips ? "serve.printYes" : "serve.printNo")),
      at: layout.slip.origin, role: .muted, maxWidth: inner.width)
    if let error {
      grid.render(Paragraph(error, style: Style(.error)), in: layout.message)
    }
    return cursor
  }

  /// Where the parts of the form go, computed once per draw.
  struct Layout {
    let about, filter, topics, chosen, partners, outcome, note, dates, slip, message: Rect
  }

  /// The form's rows in `area`: the topics take what the others leave (at most a row per topic, so that the
  /// fields below stay in place whatever the filter), the partners the rows they ask for (``partnerRows(_:)``:
  /// one to three, or all they can use while chosen), the message the rows it needs.
  static func layout(in area: Rect, messageRows: Int, partnerRows: Int = 3) -> Layout {
    // The partners take the rows they ask for, leaving the topics three.
    let partnerRows = max(1, min(partnerRows, area.height - 7 - messageRows - 3))
    let others = 7 + partnerRows + messageRows
    let topicRows = max(1, min(ReferenceData.shipped.topics.count, area.height - others))
    let rows = area.splitRows([
      .length(1), .length(1), .length(topicRows), .length(1), .length(partnerRows), .length(1), .length(1),
      .length(1), .length(1), .length(messageRows), .fill(1),
    ])
    let topics = Rect(x: rows[2].x + 2, y: rows[2].y, width: rows[2].width - 2, height: rows[2].height)
    return Layout(
      about: rows[0], filter: rows[1], topics: topics, chosen: rows[3], partners: rows[4], outcome: rows[5],
      note: rows[6], dates: rows[7], slip: rows[8], message: rows[9])
  }

  /// The rows the partner list asks for: one per partner suggested (one saying none), three at most, or, while
  /// the list has the focus, every row it can use (the topics keep three).
  func partnerRows(_ model: AppModel) -> Int {
    let count = suggestions(model).count
    return max(1, focus == .partner ? count : min(3, count))
  }

  /// The partner rows shown at once in the screen's `area` (the list's page).
  func partnerPage(in area: Rect, model: AppModel) -> Int {
    let form = sheetArea(in: area) == nil ? area : Self.besideColumns(in: area)[0]
    let inner = Block(title: "").inner(form).inset(horizontal: 1)
    let height = Self.layout(
      in: inner, messageRows: messageRows(width: inner.width), partnerRows: partnerRows(model)
    ).partners.height
    return ScrollList.itemRows(count: suggestions(model).count, height: height)
  }

  /// The rows the message under the form takes at `width` (none without one).
  func messageRows(width: Int) -> Int {
    min(3, error?.wrapped(toWidth: max(1, width)).count ?? 0)
  }

  /// The rows of topics shown at once in the screen's `area` (the list's page).
  func topicRows(in area: Rect, model: AppModel) -> Int {
    let form = sheetArea(in: area) == nil ? area : Self.besideColumns(in: area)[0]
    let inner = Block(title: "").inner(form).inset(horizontal: 1)
    let height = Self.layout(
      in: inner, messageRows: messageRows(width: inner.width), partnerRows: partnerRows(model)
    ).topics.height
    return ScrollList.itemRows(count: topics(model.tr).count, height: height)
  }

  /// The form and the sheet beside it on a wide terminal.
  static func besideColumns(in area: Rect) -> [Rect] { area.splitColumns([.fill(3), .fill(2)]) }

  /// Where the sheet is drawn in the screen's `area`: all of it (F4 on a narrow terminal), the column beside
  /// the form (a wide one, until F4 hides it), or nowhere.
  func sheetArea(in area: Rect) -> Rect? {
    let wide = area.width >= 100
    if wide { return sheetShown ? nil : Self.besideColumns(in: area)[1] }
    return sheetShown ? area : nil
  }

  /// Whether PageUp and PageDown scroll the sheet: it fills the screen, or stands beside the form while a
  /// text field (where they do nothing) has the focus.
  func sheetScrolls(in area: Rect) -> Bool {
    guard let sheet = sheetArea(in: area) else { return false }
    return sheet == area || [.outcome, .note, .due, .followUp].contains(focus)
  }

  /// Moves the sheet shown in the screen's `area` by a page (PageUp, PageDown) or a line (↑, ↓), stopping
  /// at its last line.
  mutating func scrollSheet(_ key: KeyEvent, area: Rect, model: AppModel) {
    guard let sheetArea = sheetArea(in: area), let topic = sheetTopic(model.tr),
      let sheet = model.directory.sheet(topic)
    else { return }
    let inner = Block(title: "").inner(sheetArea).inset(horizontal: 1)
    let rows = SheetView.rows(sheet, width: inner.width, model: model, review: false).count
    sheetOffset = SheetView.scrolled(sheetOffset, by: key, rows: rows, height: inner.height)
  }

  /// The partners suggested for the topics chosen, one row per partner and topic (the core's ranking).
  func suggestions(_ model: AppModel) -> [PartnerSuggestion] {
    model.directory.suggestions(
      topics: chosen, island: model.island, languages: model.visitorLanguages(visitorID))
  }

  private func renderSheet(into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let topic = sheetTopic(tr)
    let block = Block(
      title: topic.map { tr("labelled", tr("sheet.title"), tr.topic($0)) } ?? tr("sheet.title"))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    guard let topic, let sheet = model.directory.sheet(topic) else {
      grid.render(Paragraph(tr("sheet.none"), style: Style(.muted)), in: inner)
      return
    }
    let scrolls = sheetScrolls(in: model.bodyArea)
    SheetView.render(
      sheet, into: &grid, area: inner, model: model, offset: scrolls ? sheetOffset : nil,
      continues: tr("sheet.continuesServe"))
  }
}

extension AppModel {
  /// The visitor's languages, preferred first (for ranking partners).
  func visitorLanguages(_ visitorID: String) -> [String] {
    state.canonicalVisitor(visitorID)?.languages ?? []
  }
}

extension ServeScreen {
  /// Tab between parts, Enter ticks a topic or a partner, F3 and Ctrl-P choose the slips, F10 saves.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    error = nil
    let count = Section.allCases.count
    switch command {
    case .nextField: focus = Section(rawValue: (focus.rawValue + 1) % count)!
    case .previousField: focus = Section(rawValue: (focus.rawValue + count - 1) % count)!
    case .sheet:
      sheetShown.toggle()
      sheetOffset = 0
      sheetCovers = sheetArea(in: model.bodyArea) == model.bodyArea
    case .slipLanguage:
      // Portuguese, then French (the most asked for), then English.
      let order: [Language] = [.portuguese, .french, .english]
      slipLanguage = order[((order.firstIndex(of: slipLanguage) ?? 0) + 1) % order.count]
    case .togglePrint: printSlips.toggle()
    case .submit:
      switch focus {
      case .topics:
        let list = topics(model.tr)
        guard let index = topicList.selected, index < list.count else { return Reaction() }
        let code = list[index].code
        if let at = chosen.firstIndex(of: code) { chosen.remove(at: at) } else { chosen.append(code) }
        let suggested = suggestions(model).map(ReferralPick.init)
        partners.removeAll { !suggested.contains($0) }
        partnerList = ListState(count: suggested.count, pageSize: 3)
      case .partner:
        let suggested = suggestions(model)
        guard let index = partnerList.selected, index < suggested.count else { return Reaction() }
        let pick = ReferralPick(suggested[index])
        if let at = partners.firstIndex(of: pick) { partners.remove(at: at) } else { partners.append(pick) }
      default:
        focus = Section(rawValue: min(focus.rawValue + 1, count - 1))!
      }
    case .save: return close(model: model, consentAsked: false)
    case .returnToQueue:
      // Nothing typed to lose: back to the queue at once; else the box says what is lost first.
      if isDirty { return Reaction(navigation: .overlay(.confirmLeaveServe(visitID: visitID))) }
      return Reaction([.returnToQueue(visitID: visitID, call: call)])
    default: break
    }
    return Reaction()
  }

  /// Asks to close the visit (or for consent first when a referral needs it); the core checks the rest.
  mutating func close(model: AppModel, consentAsked: Bool) -> Reaction {
    guard !chosen.isEmpty else {
      error = model.tr("serve.needTopic")
      focus = .topics
      return Reaction()
    }
    let referrals = partners.map {
      VisitClosing.Referral(partner: $0.partner, topic: $0.topic, due: LocalTime.day(typed: due.text))
    }
    let consented = model.state.canonicalVisitor(visitorID)?.consentToShare?.granted == true
    if !referrals.isEmpty, !consentAsked, !consented {
      return Reaction(navigation: .overlay(.consent(visitorID: visitorID)))
    }
    // The core checks and records everything (dates, lengths, consent) in one command.
    return Reaction([
      .close(
        VisitClosing(
          visit: visitID, topics: chosen, outcome: outcome.text, note: note.text, referrals: referrals,
          followUp: LocalTime.day(typed: followUp.text), language: model.tr.language, call: call))
    ])
  }

  /// Typing goes to the focused part; arrows move in the topic and partner lists.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    let area = model.bodyArea
    let whole = sheetArea(in: area) == area
    if sheetScrolls(in: area), [.pageUp, .pageDown].contains(key) || (whole && [.up, .down].contains(key)) {
      scrollSheet(key, area: area, model: model)
      return Reaction()
    }
    if focus == .topics { sheetOffset = 0 }
    switch focus {
    case .topics:
      if [.up, .down, .pageUp, .pageDown].contains(key) {
        topicList.count = topics(model.tr).count
        topicList.pageSize = topicRows(in: area, model: model)
        _ = topicList.handle(key)
      } else if topicFilter.handle(key) {
        topicList = ListState(count: topics(model.tr).count, pageSize: topicRows(in: area, model: model))
      }
    case .outcome: _ = outcome.handle(key)
    case .note: _ = note.handle(key)
    case .partner:
      partnerList.count = suggestions(model).count
      partnerList.pageSize = partnerPage(in: area, model: model)
      _ = partnerList.handle(key)
    case .due: _ = due.handle(key)
    case .followUp: _ = followUp.handle(key)
    }
    return Reaction()
  }

  /// Consent given at the question: the visit is closed as asked.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    guard case .recordConsent = effect else { return Reaction() }
    return close(model: model, consentAsked: true)
  }

  /// Esc while the visit is still called by the call served here (the core's rule) asks: back to the queue,
  /// leave it called, or stay.
  public func leavingBox(model: AppModel) -> Overlay? {
    guard let call, let visit = model.state.visits[visitID], VisitReturning.isCalled(visit, by: call) else {
      return nil
    }
    return .confirmLeaveServe(visitID: visitID)
  }

  /// A refused close, consent or return to the queue is said under the form, which keeps what was typed.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    switch effect {
    case .close, .recordConsent, .returnToQueue:
      error = message
      return true
    default: return false
    }
  }

  /// Consent refused: no referral is made, and the form says why.
  public mutating func answered(_ overlay: Overlay, yes: Bool, model: AppModel) -> Reaction {
    guard case .consent = overlay, !yes else { return Reaction() }
    partners = []
    error = model.tr("serve.noConsent")
    return Reaction()
  }
}

extension Screen {
  /// Serve a visit.
  public static func serve(_ screen: ServeScreen) -> Screen { .custom(screen) }
}
