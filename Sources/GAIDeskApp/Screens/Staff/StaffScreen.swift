import Foundation
import GAIDesk
import TerminalUI

/// Who is at the desk, and which desk: remembered for next time.
public struct StaffScreen {
  /// Name, desk.
  var form: FormState
  /// The last problem, translated.
  var error: String?

  /// Creates the screen with the remembered name.
  public init(name: String, desk: String) {
    form = FormState(values: [name, desk], limits: [Validation.maxNameLength, 20])
  }

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.start")),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.escape, .quit, help: tr("key.quit")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
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

extension AppModel {
  mutating func staffCommand(_ command: Command, _ s: inout StaffScreen) -> [Effect] {
    switch command {
    case .nextField: s.form.focusNext()
    case .previousField: s.form.focusPrevious()
    case .submit:
      let name = s.form.values[0].text.trimmingCharacters(in: .whitespaces)
      do {
        staff = try Validation.name(name, field: "staff")
      } catch let error as GAIDeskError {
        s.error = tr.error(error)
        return []
      } catch { return [] }
      let deskText = s.form.values[1].text.trimmingCharacters(in: .whitespaces)
      desk = deskText.isEmpty ? "1" : String(deskText.prefix(20))
      screens = [.queue(QueueScreen())]
      return [.saveSettings(staff: staff, language: tr.language)]
    default: break
    }
    return []
  }
}
