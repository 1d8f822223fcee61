import Foundation
import GAIDesk
import TerminalUI

/// Who is at the desk, and which desk: remembered for next time.
public struct StaffScreen: AppScreen {
  /// Name, desk.
  var form: FormState
  /// The last problem, translated.
  var error: String?

  /// Creates the screen with the remembered name.
  public init(name: String, desk: String) {
    form = FormState(values: [name, desk], limits: [Validation.maxNameLength, 20])
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.start")),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.escape, .quit, help: tr("key.quit")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let box = area.centered(Size(width: min(64, area.width), height: 9))
    let block = Block(title: tr("staff.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      Paragraph(tr("staff.intro"), style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 2))
    let form = Form(fields: [FormField(tr("staff.name")), FormField(tr("staff.desk"))], state: self.form)
    let formArea = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 2)
    grid.render(form, in: formArea)
    if let error {
      grid.put(error, at: Point(x: inner.x, y: inner.y + 6), role: .error, maxWidth: inner.width)
    }
    return form.cursorPosition(in: formArea)
  }
}

extension StaffScreen {
  /// Tab moves between the fields; Enter starts the day at the queue with this name and desk.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    switch command {
    case .nextField: form.focusNext()
    case .previousField: form.focusPrevious()
    case .submit:
      let name: String
      do {
        name = try Validation.name(form.values[0].text, field: "staff")
      } catch let failure as GAIDeskError {
        error = model.tr.error(failure)
        return Reaction()
      } catch { return Reaction() }
      let deskText = form.values[1].text.trimmingCharacters(in: .whitespaces)
      var reaction = Reaction(
        [.saveSettings(staff: name, language: model.tr.language)], navigation: .root(.queue(QueueScreen())))
      reaction.session = Session(staff: name, desk: deskText.isEmpty ? "1" : String(deskText.prefix(20)))
      return reaction
    default: break
    }
    return Reaction()
  }

  /// Typing goes to the focused field.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    _ = form.handle(key)
    return Reaction()
  }
}
