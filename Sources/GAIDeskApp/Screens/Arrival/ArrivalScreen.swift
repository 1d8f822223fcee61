import Foundation
import GAIDesk
import TerminalUI

/// Find a visitor as you type (to issue a ticket, or to open a profile), or register a new one.
public struct ArrivalScreen: AppScreen {
  /// What picking a visitor does.
  public enum Mode: Sendable {
    /// Issue a ticket.
    case arrival
    /// Open the profile.
    case lookup
  }

  /// What picking a visitor does.
  var mode: Mode
  /// The search text.
  var query = TextFieldState()
  /// The visitors found, best first.
  var hits: [String] = []
  /// The highlighted visitor.
  var list = ListState(count: 0)
  /// The new visitor form, when registering: name, nationality, phone, birth year, consent to share and to
  /// store, sex, document.
  var form: FormState?
  /// The last problem, translated.
  var error: String?
  /// The name whose look-alikes the officer has seen and chosen to register anyway.
  var confirmedDespiteDuplicates: String?
  /// The country highlighted among those the nationality typed may mean (nil: none yet, ↓ starts).
  var countryPick: Int?

  /// Creates the screen.
  public init(mode: Mode) {
    self.mode = mode
  }

  /// Whether leaving would lose something typed in the new visitor form.
  public var isDirty: Bool { form?.values.contains { !$0.text.isEmpty } ?? false }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    if form != nil {
      return KeyMap(
        [
          KeyBinding(.enter, .submit, help: tr(countryPick == nil ? "key.issueTicket" : "key.choose")),
          KeyBinding(.tab, .nextField, help: tr("key.field")),
          KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false) + [CommonKeys.clearField(tr)])
    }
    return KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr(mode == .arrival ? "key.issueTicket" : "key.profile")),
        KeyBinding([.control("n"), .function(3)], .newVisitor, help: tr("key.newVisitor"), label: "Ctrl-N"),
        KeyBinding(.escape, .back, help: tr("key.back")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  /// The most each field of the new visitor form takes while typing.
  static let formLimits = [
    Validation.maxNameLength, Validation.maxShortLength, Validation.maxShortLength, 4, 3, 3, 1,
    Validation.maxShortLength,
  ]

  static let formFields = [
    "arrival.fullName", "arrival.nationality", "arrival.phone", "arrival.birthYear", "arrival.consent",
    "arrival.consentStore", "arrival.sex", "arrival.document",
  ]

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    if let form {
      return renderForm(form, into: &grid, area: area, model: model)
    }
    let block = Block(title: tr(mode == .arrival ? "arrival.title" : "lookup.title"))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    let label = tr("arrival.search")
    let used = grid.put(label, at: inner.origin, role: .focus)
    let fieldArea = Rect(
      x: inner.x + used + 1, y: inner.y, width: max(1, min(40, inner.width - used - 1)), height: 1)
    let field = TextField(query)
    grid.render(field, in: fieldArea)
    grid.put(tr("arrival.hint"), at: Point(x: inner.x, y: inner.y + 1), role: .muted, maxWidth: inner.width)
    // A refusal takes the panel's last rows (up to three), wrapped; the list keeps the rest.
    let messageRows = min(3, error?.wrapped(toWidth: max(1, inner.width)).count ?? 1)
    let tableArea = Rect(
      x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3 - messageRows))
    if hits.isEmpty {
      let text = query.text.isEmpty ? tr("arrival.typeName") : tr("arrival.noMatch")
      grid.render(Paragraph(text, style: Style(.muted)), in: tableArea)
    } else {
      let visitors = hits.map { model.state.visitors[$0] }
      let rows = zip(hits, visitors).map { id, visitor -> [String] in
        let visits = model.state.visitsByVisitor[id]?.count ?? 0
        let last =
          model.state.visitsByVisitor[id]?.last.flatMap { model.state.visits[$0]?.day }.map(tr.date) ?? ""
        return [
          visitor?.fullName ?? id, model.tr.country(visitor?.nationality), visitor?.phone ?? "",
          visitor?.birthYear.map(String.init) ?? "", String(visits), last,
        ]
      }
      let phones = visitors.map { $0?.phone ?? "" }
      let columns = Self.columns(tr, phones: phones, width: tableArea.width)
      var state = list
      state.pageSize = max(1, tableArea.height - 1)
      let table = Table(columns: columns, rows: rows, state: state)
      grid.render(table, in: tableArea)
      // A number longer than its column: the highlighted visitor's whole, on the row above the table.
      PhoneColumn.showWhole(
        phones, selected: list.selected,
        columnWidth: table.columnWidths(totalWidth: min(tableArea.width, Table.readableWidth))[2],
        into: &grid,
        row: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1), tr: tr)
    }
    if let error {
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: tableArea.maxY, width: inner.width, height: inner.maxY - tableArea.maxY))
    }
    return field.cursorPosition(in: fieldArea)
  }

  /// The columns of the table of visitors found: the telephone as wide as the numbers found need, as far as
  /// the names leave room; the short columns as wide as their titles.
  static func columns(_ tr: Translator, phones: [String], width: Int) -> [TableColumn] {
    let born = PhoneColumn.fixed(tr, "col.born", least: 4)
    let visits = PhoneColumn.fixed(tr, "col.visits", least: 3)
    let last = PhoneColumn.fixed(tr, "col.lastVisit", least: 10)
    let phone = PhoneColumn.width(
      tr, phones: phones, tableWidth: width, others: born + visits + last + 5 + minimumNamesWidth)
    return [
      TableColumn(tr("col.name"), width: .fill(2)), TableColumn(tr("col.nationality"), width: .fill(1)),
      TableColumn(tr("col.phone"), width: .length(phone)), TableColumn(tr("col.born"), width: .length(born)),
      TableColumn(tr("col.visits"), width: .length(visits), alignment: .trailing),
      TableColumn(tr("col.lastVisit"), width: .length(last)),
    ]
  }

  /// What the name and nationality columns keep together however long the numbers are.
  static let minimumNamesWidth = 27

  private func renderForm(_ form: FormState, into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("arrival.newTitle"))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    let fields = Self.formFields.map { FormField(tr($0)) }
    let formArea = Rect(x: inner.x, y: inner.y, width: min(inner.width, 60), height: fields.count)
    let widget = Form(fields: fields, state: form)
    grid.render(widget, in: formArea)
    // What the nationality resolves to, or the countries it may mean, whole under the form.
    let below = Rect(
      x: inner.x, y: formArea.maxY, width: inner.width, height: max(0, inner.maxY - formArea.maxY))
    var y = formArea.maxY + renderNationality(form, into: &grid, area: below, tr: tr) + 1
    let duplicates = ArrivalScreen.duplicates(of: form.values.map(\.text), model: model)
    if !duplicates.isEmpty {
      grid.put(tr("arrival.duplicates"), at: Point(x: inner.x, y: y), role: .warning, maxWidth: inner.width)
      y += 1
      for id in duplicates.prefix(max(0, inner.maxY - y - 2)) {
        let visitor = model.state.visitors[id]
        let line =
          "• " + (visitor?.fullName ?? id) + "  " + model.tr.country(visitor?.nationality) + "  "
          + (visitor?.phone ?? "")
        grid.put(line, at: Point(x: inner.x + 2, y: y), role: .normal, maxWidth: inner.width - 2)
        y += 1
      }
    }
    if let error {
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)))
    }
    return widget.cursorPosition(in: formArea)
  }

  /// The countries that what was typed may mean (the core's lookup by code or name).
  static func countries(_ text: String) -> [String] {
    ReferenceData.shipped.countryCodes(matching: text)
  }

  /// The visitor described by the form so far, leniently (what cannot be read yet is left out).
  static func visitorForm(_ values: [String]) -> VisitorForm {
    var form = VisitorForm(fullName: values[0])
    let countries = countries(values[1])
    form.nationality = countries.count == 1 ? countries[0] : nil
    form.phone = values[2].isEmpty ? nil : values[2]
    form.birthYear = Int(values[3])
    if values.count > 7, !values[7].isEmpty {
      // "passaporte P1234567": the first word is the type, the rest the number (one word: the number).
      let words = values[7].split(separator: " ", maxSplits: 1).map(String.init)
      form.document =
        words.count == 2
        ? IdentityDocument(type: words[0], number: words[1])
        : IdentityDocument(type: "document", number: words[0])
    }
    return form
  }

  /// Registered visitors who are probably this person, by the core's duplicates rule (the CLI's too).
  static func duplicates(of values: [String], model: AppModel) -> [String] {
    let trimmed = values.map { $0.trimmingCharacters(in: .whitespaces) }
    return model.search.duplicates(of: visitorForm(trimmed), in: model.state, limit: 5).map(\.visitorID)
  }
}

extension ArrivalScreen {
  /// The new visitor form, prefilled with the name searched.
  mutating func openForm() {
    // The cursor after the name carried over from the search: typing goes on with it.
    form = FormState(
      values: [query.text] + Array(repeating: "", count: 7), limits: Self.formLimits, selected: false)
    error = nil
  }

  /// Ctrl-N opens the form; Enter issues a ticket, opens a profile, or registers the new visitor.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    switch command {
    case .newVisitor: openForm()
    case .nextField:
      countryPick = nil
      form?.focusNext()
    case .previousField:
      countryPick = nil
      form?.focusPrevious()
    case .submit:
      if pickCountry(tr: model.tr) { return Reaction() }
      if let form { return Reaction(submit(form, model: model)) }
      guard let index = list.selected, index < hits.count else {
        if !query.text.isEmpty, mode == .arrival { openForm() }
        return Reaction()
      }
      let id = hits[index]
      switch mode {
      case .arrival: return model.ticket(for: id)
      case .lookup: return Reaction(navigation: .push(.profile(ProfileScreen(visitorID: id))))
      }
    default: break
    }
    return Reaction()
  }

  /// The registration asked for, or nothing with the problem said under the form.
  private mutating func submit(_ form: FormState, model: AppModel) -> [Effect] {
    let tr = model.tr
    let values = form.values.map { $0.text.trimmingCharacters(in: .whitespaces) }
    var visitor = Self.visitorForm(values)
    do {
      // The core's rules and words, as `gaidesk visitor add --nationality --birth-year` says them.
      visitor.nationality = try Validation.country(typed: values[1])
      visitor.birthYear = try Validation.birthYear(typed: values[3], today: model.today)
    } catch let failure as GAIDeskError {
      error = tr.error(failure)
      return []
    } catch {
      return []
    }
    for (index, path) in [(4, \VisitorForm.consentToShare), (5, \VisitorForm.consentToStore)]
    where !values[index].isEmpty {
      guard let answer = YesNoAnswer.parse(values[index]) else {
        error = tr("arrival.badConsent")
        return []
      }
      visitor[keyPath: path] = answer
    }
    if !values[6].isEmpty {
      guard let sex = Sex(rawValue: values[6].uppercased()) else {
        error = tr("arrival.badSex")
        return []
      }
      visitor.sex = sex
    }
    // Look-alikes are shown while typing; registering anyway takes a second Enter.
    let described = values.prefix(4).joined(separator: "\u{1F}")
    if !Self.duplicates(of: values, model: model).isEmpty, confirmedDespiteDuplicates != described {
      confirmedDespiteDuplicates = described
      error = model.tr("arrival.confirmDuplicates")
      return []
    }
    visitor.municipality = model.officeCode
    return [.arriveNew(visitor)]
  }

  /// Typing searches (or fills the form); arrows move through the visitors found.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if form != nil {
      if moveCountryPick(key) { return Reaction() }
      countryPick = nil
      _ = form?.handle(key)
    } else if [.up, .down, .pageUp, .pageDown].contains(key) {
      _ = list.handle(key)
    } else if query.handle(key) {
      hits = model.search.find(query.text, in: model.state, limit: 50).map(\.visitorID)
      list = ListState(count: hits.count)
      error = nil
    }
    return Reaction()
  }

  /// A refused registration is said under the form.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    guard case .arriveNew = effect else { return false }
    error = message
    return true
  }
}

extension Screen {
  /// Find or register a visitor.
  public static func arrival(_ screen: ArrivalScreen) -> Screen { .custom(screen) }
}
