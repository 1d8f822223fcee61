import Foundation
import GAIDesk
import TerminalUI

/// Serving a visit: topics (type to filter, several allowed), outcome, note, referral, follow-up.
public struct ServeScreen {
  /// The parts of the form, in Tab order.
  enum Section: Int, CaseIterable {
    case topics, outcome, note, partner, due, followUp
  }

  /// The visit served.
  let visitID: String
  /// The visitor.
  let visitorID: String
  /// The focused section.
  var focus: Section = .topics
  /// Type-to-filter over the topics.
  var topicFilter = TextFieldState()
  /// The highlighted topic.
  var topicList = ListState(count: ReferenceData.shipped.topics.count, pageSize: 5)
  /// The topics chosen, in the order chosen.
  var chosen: [String] = []
  /// The outcome.
  var outcome = TextFieldState()
  /// The note.
  var note = TextFieldState()
  /// The highlighted partner suggestion.
  var partnerList = ListState(count: 0, pageSize: 3)
  /// The partner chosen for a referral.
  var partner: String?
  /// The referral's due date.
  var due: TextFieldState
  /// The follow-up date.
  var followUp = TextFieldState()
  /// Whether the knowledge sheet fills the screen (narrow terminals).
  var sheetShown = false
  /// The last problem, translated.
  var error: String?

  /// Starts serving `visit`.
  init(visit: Visit, today: String) {
    visitID = visit.id
    visitorID = visit.visitorID
    due = TextFieldState(text: LocalTime.adding(days: 14, to: today) ?? "")
  }

  /// Whether leaving would lose what was entered.
  var isDirty: Bool {
    !chosen.isEmpty || !outcome.text.isEmpty || !note.text.isEmpty || partner != nil || !followUp.text.isEmpty
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

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    let enterHelp: String
    switch focus {
    case .topics: enterHelp = tr("key.toggleTopic")
    case .partner: enterHelp = tr("key.choosePartner")
    default: enterHelp = tr("key.next")
    }
    return KeyMap(
      [
        KeyBinding([.function(10), .control("s")], .save, help: tr("key.closeVisit"), label: "F10"),
        KeyBinding(.enter, .submit, help: enterHelp),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.function(4), .sheet, help: tr("key.sheet")),
        KeyBinding(.escape, .back, help: tr("key.back")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let visitor = model.state.canonicalVisitor(visitorID)
    let visit = model.state.visits[visitID]
    let title = tr("serve.title", visit?.ticket ?? "", visitor?.fullName ?? visitorID)
    let wide = area.width >= 100
    if sheetShown && !wide {
      renderSheet(into: &grid, area: area, model: model)
      return nil
    }
    let columns = wide ? area.splitColumns([.fill(3), .fill(2)]) : [area]
    let block = Block(title: title)
    grid.render(block, in: columns[0])
    if wide { renderSheet(into: &grid, area: columns[1], model: model) }
    let inner = block.inner(columns[0]).inset(horizontal: 1)
    var y = inner.y
    var cursor: Point?
    let labelWidth = 14
    func label(_ key: String, _ section: Section, at row: Int) {
      grid.put(
        tr(key).padded(toWidth: labelWidth), at: Point(x: inner.x, y: row),
        role: focus == section ? .focus : .normal)
    }
    func field(_ state: TextFieldState, _ section: Section, at row: Int, x: Int, width: Int) {
      let rect = Rect(x: x, y: row, width: max(1, width), height: 1)
      let widget = TextField(state)
      grid.render(widget, in: rect)
      if focus == section { cursor = widget.cursorPosition(in: rect) }
    }
    // Visitor line.
    var about = [tr.country(visitor?.nationality)].filter { !$0.isEmpty }
    if let visit {
      about.append(tr("serve.waited", String(model.minutes(from: visit.arrivedAt, to: visit.calledAt))))
    }
    let consent = visitor?.consentToShare?.granted == true ? tr("serve.consentYes") : tr("serve.consentNo")
    about.append(consent)
    grid.put(about.joined(separator: " · "), at: Point(x: inner.x, y: y), role: .muted, maxWidth: inner.width)
    y += 1
    // Topics.
    label("serve.topics", .topics, at: y)
    field(topicFilter, .topics, at: y, x: inner.x + labelWidth, width: min(30, inner.width - labelWidth))
    y += 1
    let list = topics(tr)
    let listRows = 5
    let items = list.map { topic in (chosen.contains(topic.code) ? "[x] " : "[ ] ") + topic.label(tr.language)
    }
    var topicState = topicList
    topicState.count = items.count
    topicState.pageSize = listRows
    let listArea = Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: listRows)
    if items.isEmpty {
      grid.put(tr("serve.noTopic"), at: listArea.origin, role: .muted)
    } else {
      grid.render(
        ListView(
          items: items, state: topicState,
          selectedStyle: Style(focus == .topics ? .selected : .normal, attributes: .bold)),
        in: listArea)
    }
    y += listRows
    let chosenText =
      chosen.isEmpty ? tr("serve.noneChosen") : chosen.map { tr.topic($0) }.joined(separator: "; ")
    grid.put(
      tr("serve.chosen") + " " + chosenText, at: Point(x: inner.x, y: y),
      role: chosen.isEmpty ? .muted : .success, maxWidth: inner.width)
    y += 1
    // Outcome and note.
    label("serve.outcome", .outcome, at: y)
    field(outcome, .outcome, at: y, x: inner.x + labelWidth, width: inner.width - labelWidth)
    y += 1
    label("serve.note", .note, at: y)
    field(note, .note, at: y, x: inner.x + labelWidth, width: inner.width - labelWidth)
    y += 1
    // Referral.
    label("serve.referTo", .partner, at: y)
    let partners = model.directory.suggestions(
      topics: chosen, island: model.island, languages: model.visitorLanguages(visitorID))
    if partners.isEmpty {
      grid.put(
        tr(chosen.isEmpty ? "serve.chooseTopicFirst" : "serve.noPartner"),
        at: Point(x: inner.x + labelWidth, y: y), role: .muted, maxWidth: inner.width - labelWidth)
      y += 3
    } else {
      let items = partners.map { p in
        (partner == p.code ? "(•) " : "( ) ") + (p.short.map { $0 + " — " } ?? "") + p.name
      }
      var state = partnerList
      state.count = items.count
      state.pageSize = 3
      grid.render(
        ListView(
          items: items, state: state,
          selectedStyle: Style(focus == .partner ? .selected : .normal, attributes: .bold)),
        in: Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 3))
      y += 3
    }
    label("serve.due", .due, at: y)
    field(due, .due, at: y, x: inner.x + labelWidth, width: 11)
    let followX = inner.x + labelWidth + 13
    grid.put(tr("serve.followUp"), at: Point(x: followX, y: y), role: focus == .followUp ? .focus : .normal)
    let followLabel = tr("serve.followUp").displayWidth + 1
    field(followUp, .followUp, at: y, x: followX + followLabel, width: 11)
    y += 1
    if let error {
      grid.put(error, at: Point(x: inner.x, y: min(y, inner.maxY - 1)), role: .error, maxWidth: inner.width)
    }
    return cursor
  }

  private func renderSheet(into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let topic = sheetTopic(tr)
    let block = Block(title: tr("sheet.title") + (topic.map { ": " + tr.topic($0) } ?? ""))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    guard let topic, let sheet = model.directory.sheet(topic) else {
      grid.render(Paragraph(tr("sheet.none"), style: Style(.muted)), in: inner)
      return
    }
    SheetView.render(sheet, into: &grid, area: inner, model: model)
  }
}

/// Draws a knowledge sheet: what to ask, which documents, what to tell, where to send.
enum SheetView {
  static func render(_ sheet: KnowledgeSheet, into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let text = sheet.content(tr.language)
    var lines: [(String, Role)] = []
    var sources: [Source] = []
    func section(_ title: String, _ items: [String], marks: [String] = []) {
      lines.append((title, .header))
      for (number, item) in items.enumerated() {
        let mark = number < marks.count ? " " + marks[number] : ""
        for (index, line) in ("• " + item + mark).wrapped(toWidth: max(1, area.width - 2)).enumerated() {
          lines.append(((index == 0 ? "" : "  ") + line, .normal))
        }
      }
    }
    func marks(_ section: SheetSection) -> [String] {
      section.lines(text).indices.map { index in
        switch model.directory.knowledge.backing(
          topic: sheet.topic, section: section, index: index, language: tr.language)
        {
        case .source(let source):
          if !sources.contains(source) { sources.append(source) }
          return "[\(sources.firstIndex(of: source)! + 1)]"
        case .toConfirm: return "[?]"
        case .office: return "[GAI]"
        }
      }
    }
    section(tr("sheet.ask"), text.ask)
    section(tr("sheet.documents"), text.documents, marks: marks(.documents))
    section(tr("sheet.tell"), text.tell, marks: marks(.tell))
    let partners = sheet.partners.compactMap { model.directory.partner($0) }.map { $0.short ?? $0.name }
    if !partners.isEmpty { section(tr("sheet.partners"), [partners.joined(separator: ", ")]) }
    lines.append((tr("sheet.sourcesKey"), .muted))
    for (number, source) in sources.enumerated() {
      lines.append(("[\(number + 1)] \(source.title) (\(source.checked))", .muted))
    }
    for (row, line) in lines.prefix(area.height).enumerated() {
      grid.put(line.0, at: Point(x: area.x, y: area.y + row), role: line.1, maxWidth: area.width)
    }
  }
}

extension AppModel {
  /// The visitor's languages, preferred first (for ranking partners).
  func visitorLanguages(_ visitorID: String) -> [String] {
    state.canonicalVisitor(visitorID)?.languages ?? []
  }

  mutating func serveCommand(_ command: Command, _ s: inout ServeScreen) -> [Effect] {
    s.error = nil
    switch command {
    case .nextField:
      s.focus = ServeScreen.Section(rawValue: (s.focus.rawValue + 1) % ServeScreen.Section.allCases.count)!
    case .previousField:
      let count = ServeScreen.Section.allCases.count
      s.focus = ServeScreen.Section(rawValue: (s.focus.rawValue + count - 1) % count)!
    case .sheet:
      s.sheetShown.toggle()
    case .submit:
      switch s.focus {
      case .topics:
        let list = s.topics(tr)
        guard let index = s.topicList.selected, index < list.count else { return [] }
        let code = list[index].code
        if let at = s.chosen.firstIndex(of: code) { s.chosen.remove(at: at) } else { s.chosen.append(code) }
        if s.partner != nil,
          !directory.suggestions(topics: s.chosen, island: island, languages: visitorLanguages(s.visitorID))
            .contains(where: { $0.code == s.partner })
        {
          s.partner = nil
        }
        s.partnerList = ListState(
          count: directory.suggestions(
            topics: s.chosen, island: island, languages: visitorLanguages(s.visitorID)
          ).count, pageSize: 3)
      case .partner:
        let partners = directory.suggestions(
          topics: s.chosen, island: island, languages: visitorLanguages(s.visitorID))
        guard let index = s.partnerList.selected, index < partners.count else { return [] }
        s.partner = s.partner == partners[index].code ? nil : partners[index].code
      default:
        s.focus = ServeScreen.Section(
          rawValue: min(s.focus.rawValue + 1, ServeScreen.Section.allCases.count - 1))!
      }
    case .save:
      return closeVisit(&s, consentAsked: false)
    default: break
    }
    return []
  }

  /// Checks the form and asks to close the visit (or for consent first).
  mutating func closeVisit(_ s: inout ServeScreen, consentAsked: Bool) -> [Effect] {
    guard !s.chosen.isEmpty else {
      s.error = tr("serve.needTopic")
      s.focus = .topics
      return []
    }
    var referral: ReferralRequest?
    if let partner = s.partner, let info = directory.partner(partner) {
      let topic = s.chosen.first { info.topics.contains($0) } ?? s.chosen[0]
      let due = s.due.text.trimmingCharacters(in: .whitespaces)
      guard due.isEmpty || LocalTime.isDate(due) else {
        s.error = tr("serve.badDate")
        s.focus = .due
        return []
      }
      referral = ReferralRequest(partner: partner, topic: topic, due: due.isEmpty ? nil : due)
      if !consentAsked, state.canonicalVisitor(s.visitorID)?.consentToShare?.granted != true {
        overlay = .consent(visitorID: s.visitorID)
        return []
      }
    }
    let follow = s.followUp.text.trimmingCharacters(in: .whitespaces)
    guard follow.isEmpty || LocalTime.isDate(follow) else {
      s.error = tr("serve.badDate")
      s.focus = .followUp
      return []
    }
    let outcome = s.outcome.text.trimmingCharacters(in: .whitespaces)
    let note = s.note.text.trimmingCharacters(in: .whitespaces)
    busy = tr("busy.saving")
    return [
      .close(
        CloseRequest(
          visitID: s.visitID, visitorID: s.visitorID, topics: s.chosen,
          outcome: outcome.isEmpty ? nil : outcome,
          note: note.isEmpty ? nil : note, referral: referral, followUp: follow.isEmpty ? nil : follow))
    ]
  }

  mutating func serveInput(_ key: KeyEvent, _ s: inout ServeScreen) {
    switch s.focus {
    case .topics:
      if [.up, .down, .pageUp, .pageDown].contains(key) {
        s.topicList.count = s.topics(tr).count
        _ = s.topicList.handle(key)
      } else if s.topicFilter.handle(key) {
        s.topicList = ListState(count: s.topics(tr).count, pageSize: 5)
      }
    case .outcome: _ = s.outcome.handle(key)
    case .note: _ = s.note.handle(key)
    case .partner:
      s.partnerList.count =
        directory.suggestions(topics: s.chosen, island: island, languages: visitorLanguages(s.visitorID))
        .count
      _ = s.partnerList.handle(key)
    case .due: _ = s.due.handle(key)
    case .followUp: _ = s.followUp.handle(key)
    }
  }
}
