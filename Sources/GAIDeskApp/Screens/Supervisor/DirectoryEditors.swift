import Foundation
import GAIDesk
import TerminalUI

/// A form of the supervisor's desk that edits the directory: a partner's details or a topic's sheet.
enum DirectoryEditor {
  /// A partner's details (a new partner when `code` is nil).
  case partner(PartnerEditor)
  /// A topic's knowledge sheet in one language.
  case sheet(SheetEditor)
  /// A local confirmation of a partner's entry.
  case confirm(ConfirmForm)

  /// Whether leaving would lose a change.
  var isDirty: Bool {
    switch self {
    case .partner(let e): e.form.values.map(\.text) != e.original
    case .sheet(let e): e.form.values.map(\.text) != e.original
    case .confirm(let f): f.isDirty
    }
  }
}

/// A form state with `values`, focused on `index`.
func formState(_ values: [TextFieldState], focus index: Int) -> FormState {
  var form = FormState(values: [])
  form.values = values
  for _ in 0..<max(0, min(index, values.count - 1)) { form.focusNext() }
  return form
}

/// Editing a partner: one field per detail, lists as comma-separated codes.
struct PartnerEditor {
  /// The partner's code; nil while adding one (the code is then the first field).
  var code: String?
  /// The fields' values.
  var form: FormState
  /// The values the form started with.
  var original: [String]
  /// The last problem, translated.
  var error: String?
  /// How the details were checked with the service (F3), making the save a correction confirmed locally.
  var method: ConfirmationMethod?

  /// The detail fields, after the code field of a new partner.
  static let detailFields = [
    "partnerEdit.name", "partnerEdit.phone", "partnerEdit.email", "partnerEdit.address",
    "partnerEdit.islands", "partnerEdit.languages", "partnerEdit.topics",
  ]

  /// The label keys of the fields shown.
  var fieldKeys: [String] { (code == nil ? ["partnerEdit.code"] : []) + Self.detailFields }

  /// Editing `partner`'s details.
  init(partner: Partner) {
    code = partner.code
    let values = [
      partner.name, partner.phone ?? "", partner.email ?? "", partner.address ?? "",
      partner.islands.joined(separator: ", "), partner.languages.joined(separator: ", "),
      partner.topics.joined(separator: ", "),
    ]
    form = FormState(values: values, selected: false)
    original = values
  }

  /// Adding a partner: empty fields (no islands means every island).
  init() {
    code = nil
    let values = ["", "", "", "", "", "", "", ""]
    form = FormState(values: values)
    original = values
  }

  /// What was typed as the core's partner fields.
  var fields: PartnerFields {
    var values = form.values.map { $0.text.trimmingCharacters(in: .whitespaces) }
    if code == nil { values.removeFirst() }
    func list(_ text: String) -> [String] {
      text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
    return PartnerFields(
      name: values[0], phone: optional(values[1]), email: optional(values[2]), address: optional(values[3]),
      islands: list(values[4]), languages: list(values[5]).map { $0.lowercased() },
      topics: list(values[6]))
  }

  /// The new partner's code as typed.
  var typedCode: String { form.values.first?.text.trimmingCharacters(in: .whitespaces) ?? "" }
}

/// The partner details the interface edits; contacts not known stay nil ("to confirm").
public struct PartnerFields: Equatable, Sendable {
  /// Full name.
  public var name: String
  /// Telephone, when known.
  public var phone: String?
  /// E-mail, when known.
  public var email: String?
  /// Address, when known.
  public var address: String?
  /// Island codes (`*` for all).
  public var islands: [String]
  /// Language codes.
  public var languages: [String]
  /// Topic codes.
  public var topics: [String]

  /// Creates the fields.
  public init(
    name: String, phone: String? = nil, email: String? = nil, address: String? = nil,
    islands: [String] = ["*"],
    languages: [String] = ["pt"], topics: [String] = []
  ) {
    self.name = name
    self.phone = phone
    self.email = email
    self.address = address
    self.islands = islands
    self.languages = languages
    self.topics = topics
  }

  /// Writes these details over `partner`'s.
  public func apply(to partner: inout Partner) {
    partner.name = name
    partner.phone = phone
    partner.email = email
    partner.address = address
    partner.islands = islands
    partner.languages = languages
    partner.topics = topics
  }
}

/// Editing a sheet in one language: one field per item of "ask", "documents" and "tell".
struct SheetEditor {
  /// The sheet's topic.
  var topic: String
  /// The language edited (the interface language when the editor opened).
  var language: Language
  /// The section of each field: 0 ask, 1 documents, 2 tell.
  var sections: [Int]
  /// One field per item.
  var form: FormState
  /// The values the form started with.
  var original: [String]
  /// Whether the sheet had no text in `language` (the Portuguese is shown meanwhile).
  var wasEmpty: Bool
  /// The last problem, translated.
  var error: String?

  /// The section titles' keys.
  static let sectionKeys = ["sheet.ask", "sheet.documents", "sheet.tell"]

  /// Editing `sheet` in `language`; each section has at least one (empty) field.
  init(sheet: KnowledgeSheet, language: Language) {
    topic = sheet.topic
    self.language = language
    let content: SheetContent =
      switch language {
      case .portuguese: sheet.pt
      case .english: sheet.en
      case .french: sheet.fr
      }
    wasEmpty = content.isEmpty
    var sections: [Int] = []
    var values: [String] = []
    for (index, items) in [content.ask, content.documents, content.tell].enumerated() {
      for item in items.isEmpty ? [""] : items {
        sections.append(index)
        values.append(item)
      }
    }
    self.sections = sections
    form = FormState(values: values, selected: false)
    original = values
  }

  /// The content typed, empty items left out.
  var content: SheetContent {
    var parts: [[String]] = [[], [], []]
    for (index, value) in form.values.enumerated() {
      let text = value.text.trimmingCharacters(in: .whitespaces)
      if !text.isEmpty { parts[sections[index]].append(text) }
    }
    return SheetContent(ask: parts[0], documents: parts[1], tell: parts[2])
  }

  /// Adds an empty item after the focused one, in its section, and focuses it.
  mutating func addItem() {
    let at = form.focus + 1
    var values = form.values
    values.insert(TextFieldState(), at: at)
    sections.insert(sections[form.focus], at: at)
    form = formState(values, focus: at)
  }

  /// Removes the focused item (the last of a section is emptied instead).
  mutating func removeItem() {
    let at = form.focus
    if sections.filter({ $0 == sections[at] }).count == 1 {
      form.values[at] = TextFieldState()
      return
    }
    let section = sections[at]
    var values = form.values
    values.remove(at: at)
    sections.remove(at: at)
    let next = at < sections.count && sections[at] == section ? at : at - 1
    form = formState(values, focus: max(0, min(next, values.count - 1)))
  }
}

extension SupervisorScreen {
  /// Commands of the supervisor's directory forms.
  mutating func editorCommand(_ command: Command, model: AppModel) -> Reaction {
    guard let current = editor else { return Reaction() }
    switch (command, current) {
    case (.back, _):
      editor = nil
    case (.nextField, .partner(var e)):
      e.form.focusNext()
      editor = .partner(e)
    case (.previousField, .partner(var e)):
      e.form.focusPrevious()
      editor = .partner(e)
    case (.nextField, .sheet(var e)):
      e.form.focusNext()
      editor = .sheet(e)
    case (.previousField, .sheet(var e)):
      e.form.focusPrevious()
      editor = .sheet(e)
    case (.addItem, .sheet(var e)):
      e.addItem()
      editor = .sheet(e)
    case (.removeItem, .sheet(var e)):
      e.removeItem()
      editor = .sheet(e)
    case (.save, .partner(var e)), (.submit, .partner(var e)):
      let fields = e.fields
      // The core's partner rules (`gaidesk partner add/set`'s), in its words.
      var partner =
        e.code.flatMap { model.directory.partner($0) }
        ?? Partner(code: e.code ?? e.typedCode, name: fields.name)
      fields.apply(to: &partner)
      do {
        _ = try Validation.partner(partner)
      } catch {
        e.error = (error as? GAIDeskError).map(model.tr.error) ?? String(describing: error)
        editor = .partner(e)
        return Reaction()
      }
      e.error = nil
      editor = .partner(e)
      if let code = e.code, let method = e.method {
        return Reaction([.correctPartner(code: code, fields: fields, method: method)])
      }
      if let code = e.code { return Reaction([.updatePartner(code: code, fields: fields)]) }
      return Reaction([.addPartner(code: e.typedCode.lowercased(), fields: fields)])
    case (.save, .sheet(var e)):
      e.error = nil
      editor = .sheet(e)
      return Reaction([.saveSheet(topic: e.topic, language: e.language, content: e.content)])
    case (.correctItem, .partner(var e)) where e.code != nil:
      // F3: not checked, then by phone, visit or letter.
      let methods: [ConfirmationMethod?] = [nil] + ConfirmationMethod.allCases
      e.method = methods[((methods.firstIndex(of: e.method) ?? 0) + 1) % methods.count]
      editor = .partner(e)
    case (.submit, .confirm(let f)), (.save, .confirm(let f)):
      return Reaction([f.effect(language: model.tr.language)])
    case (.nextField, .confirm(var f)):
      f.focusNext()
      editor = .confirm(f)
    case (.previousField, .confirm(var f)):
      f.focusPrevious()
      editor = .confirm(f)
    default: break
    }
    return Reaction()
  }

  /// Editing keys of the supervisor's directory forms.
  mutating func editorInput(_ key: KeyEvent) {
    switch editor {
    case .partner(var e):
      if e.form.handle(key) { e.error = nil }
      editor = .partner(e)
    case .sheet(var e):
      if e.form.handle(key) { e.error = nil }
      editor = .sheet(e)
    case .confirm(var f):
      f.input(key)
      editor = .confirm(f)
    case nil: break
    }
  }
}

/// Drawing the supervisor's directory forms.
enum EditorView {
  static func render(
    _ editor: DirectoryEditor, into grid: inout Grid, area: Rect, model: AppModel
  ) -> Point? {
    switch editor {
    case .partner(let e): renderPartner(e, into: &grid, area: area, model: model)
    case .sheet(let e): renderSheet(e, into: &grid, area: area, model: model)
    case .confirm(let f): f.render(into: &grid, area: area, model: model)
    }
  }

  static func renderPartner(_ e: PartnerEditor, into grid: inout Grid, area: Rect, model: AppModel) -> Point?
  {
    let tr = model.tr
    let title =
      e.code.map { code in tr("partnerEdit.title", model.directory.partner(code)?.name ?? code) }
      ?? tr("partnerEdit.newTitle")
    let block = Block(title: title)
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    let fields = e.fieldKeys.map { FormField(tr($0)) }
    let formArea = Rect(x: inner.x, y: inner.y, width: min(inner.width, 90), height: fields.count)
    // Fields without focus show their beginning, not the end where the cursor was left.
    var shown = e.form
    for index in shown.values.indices where index != shown.focus { shown.values[index].moveHome() }
    let widget = Form(fields: fields, state: shown)
    grid.render(widget, in: formArea)
    var top = inner.y + fields.count + 1
    if e.code != nil {
      let how = e.method.map { tr("partnerEdit.checkedBy", tr("confirm.how.\($0.rawValue)")) }
      grid.put(
        how ?? tr("partnerEdit.notChecked"), at: Point(x: inner.x, y: top),
        role: e.method == nil ? .muted : .success,
        maxWidth: inner.width)
      top += 2
    }
    for (row, line) in tr("partnerEdit.hint").wrapped(toWidth: max(1, inner.width)).enumerated() {
      let y = top + row
      guard y < inner.maxY - 1 else { break }
      grid.put(line, at: Point(x: inner.x, y: y), role: .muted, maxWidth: inner.width)
    }
    if let error = e.error {
      // On the box's last rows (up to three), wrapped, over the hint if need be.
      let rows = min(3, inner.height)
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: inner.maxY - rows, width: inner.width, height: rows))
    }
    return widget.cursorPosition(in: formArea)
  }

  static func renderSheet(_ e: SheetEditor, into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("sheetEdit.title", tr.topic(e.topic), e.language.rawValue))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    var top = inner.y
    if e.wasEmpty {
      grid.put(tr("sheetEdit.empty"), at: Point(x: inner.x, y: top), role: .muted, maxWidth: inner.width)
      top += 1
    }
    // Lines: a section title (field nil) or an item (field index).
    var lines: [(String?, Int?)] = []
    for section in 0..<3 {
      lines.append((tr(SheetEditor.sectionKeys[section]), nil))
      for (index, owner) in e.sections.enumerated() where owner == section { lines.append((nil, index)) }
    }
    let height = max(1, inner.maxY - top - 1)
    let focusLine = lines.firstIndex { $0.1 == e.form.focus } ?? 0
    let offset = max(
      0, min(focusLine - height + 1 + (focusLine + 1 < lines.count ? 1 : 0), lines.count - height))
    var cursor: Point?
    for (row, line) in lines.dropFirst(max(0, offset)).prefix(height).enumerated() {
      let y = top + row
      if let title = line.0 {
        grid.put(title, at: Point(x: inner.x, y: y), role: .header, maxWidth: inner.width)
      } else if let index = line.1 {
        let focused = index == e.form.focus
        grid.put("•", at: Point(x: inner.x + 1, y: y), role: focused ? .focus : .muted)
        var value = e.form.values[index]
        if !focused { value.moveHome() }
        let field = TextField(value, editing: focused)
        let fieldArea = Rect(x: inner.x + 3, y: y, width: max(1, inner.width - 3), height: 1)
        grid.render(field, in: fieldArea)
        if focused { cursor = field.cursorPosition(in: fieldArea) }
      }
    }
    let bottom = Point(x: inner.x, y: inner.maxY - 1)
    if let error = e.error {
      // On the box's last rows (up to three), wrapped.
      let rows = min(3, inner.height)
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: inner.maxY - rows, width: inner.width, height: rows))
    } else {
      grid.put(tr("sheetEdit.hint"), at: bottom, role: .muted, maxWidth: inner.width)
    }
    return cursor
  }
}
