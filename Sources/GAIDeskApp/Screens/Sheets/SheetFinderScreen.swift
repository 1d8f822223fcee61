import GAIDesk
import TerminalUI

/// Any knowledge sheet in a few keys from the queue: type a word of the topic (Portuguese, English or
/// French), Enter opens the sheet, PageUp/PageDown scroll it, Esc goes back.
public struct SheetFinderScreen: AppScreen {
  /// Words typed.
  var filter = TextFieldState(limit: 60)
  /// The highlighted topic.
  var list = ListState(count: ReferenceData.shipped.topics.count)
  /// The topic whose sheet is open, if any.
  var opened: String?
  /// The first line of the open sheet shown.
  var offset = 0

  /// Creates the finder with every topic listed.
  public init() {}

  /// Where things go: the filter, a hint, the list; or the open sheet's box.
  struct Layout {
    let filter, hint, list, sheet: Rect
  }

  static func layout(in area: Rect) -> Layout {
    let box = Block().inner(area).inset(horizontal: 1)
    let rows = box.splitRows([.length(1), .length(1), .length(1), .fill(1)])
    return Layout(filter: rows[0], hint: rows[1], list: rows[3], sheet: box)
  }

  /// The topics whose labels (in any of the three languages), area or code hold every word typed.
  static func topics(matching text: String) -> [Topic] {
    let typed = SearchText.tokens(text)
    let reference = ReferenceData.shipped
    guard !typed.isEmpty else { return reference.topics }
    return reference.topics.filter { topic in
      let area = reference.areas.first { $0.code == topic.area }
      let words = SearchText.tokens(
        [topic.pt, topic.en, topic.fr, area?.pt ?? "", area?.en ?? "", area?.fr ?? "", topic.code].joined(
          separator: " "))
      return typed.allSatisfy { part in words.contains { $0.hasPrefix(part) } }
    }
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    var bindings: [KeyBinding<Command>] = []
    if opened == nil {
      bindings.append(KeyBinding(.enter, .submit, help: tr("key.openSheet")))
    } else {
      bindings.append(KeyBinding(.pageDown, .nextPage, help: tr("key.scroll"), label: "PgDn/PgUp"))
      bindings.append(KeyBinding(.pageUp, .previousPage, help: tr("key.scroll"), hidden: true))
    }
    bindings.append(KeyBinding(.escape, .back, help: tr("key.back")))
    return KeyMap(bindings + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let layout = Self.layout(in: area)
    if let opened, let sheet = model.directory.sheet(opened) {
      grid.render(
        Block(title: tr.topic(opened) + " · " + tr("sheets.reviewed", tr.date(sheet.reviewed))), in: area)
      SheetView.render(sheet, into: &grid, area: layout.sheet, model: model, offset: offset)
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
    let topics = Self.topics(matching: filter.text)
    if topics.isEmpty {
      grid.put(tr("finder.none"), at: layout.list.origin, role: .muted, maxWidth: layout.list.width)
    } else {
      var state = list
      state.count = topics.count
      state.pageSize = layout.list.height
      grid.render(ListView(items: topics.map { $0.label(tr.language) }, state: state), in: layout.list)
    }
    return TextField(filter).cursorPosition(in: field)
  }

  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    switch command {
    case .submit where opened == nil:
      let topics = Self.topics(matching: filter.text)
      guard let index = list.selected, index < topics.count else { return Reaction() }
      opened = topics[index].code
      offset = 0
    case .back where opened != nil:
      opened = nil
    case .nextPage: scroll(.pageDown, model: model)
    case .previousPage: scroll(.pageUp, model: model)
    default: break
    }
    return Reaction()
  }

  /// Moves the open sheet by a page or a line, never past its last page.
  mutating func scroll(_ key: KeyEvent, model: AppModel) {
    guard let opened, let sheet = model.directory.sheet(opened) else { return }
    let area = Self.layout(in: model.bodyArea).sheet
    let total = SheetView.lines(sheet, width: area.width, model: model).count
    let page = max(1, area.height - 1)
    switch key {
    case .pageDown: offset += page
    case .pageUp: offset -= page
    case .down: offset += 1
    case .up: offset -= 1
    case .home: offset = 0
    default: break
    }
    offset = max(0, min(offset, total - page))
  }

  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if opened != nil {
      scroll(key, model: model)
      return Reaction()
    }
    if [.up, .down, .pageUp, .pageDown].contains(key) {
      list.count = Self.topics(matching: filter.text).count
      list.pageSize = max(1, Self.layout(in: model.bodyArea).list.height)
      _ = list.handle(key)
    } else if filter.handle(key) {
      list = ListState(count: Self.topics(matching: filter.text).count)
    }
    return Reaction()
  }

  /// Esc closes an open sheet before leaving the finder.
  public var isInPanel: Bool { opened != nil }
}
