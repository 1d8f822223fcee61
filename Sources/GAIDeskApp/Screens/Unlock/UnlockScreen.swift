import Foundation
import GAIDesk
import TerminalUI

/// Unlock the office with its passphrase (never echoed); a wrong one says so and lets them retry.
public struct UnlockScreen: AppScreen {
  /// The passphrase typed.
  var passphrase = TextFieldState()
  /// The last problem, translated.
  var error: String?

  /// Creates an empty unlock screen.
  public init() {}

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.unlock")),
        KeyBinding(.escape, .quit, help: tr("key.quit")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    // The box grows by the rows a long refusal needs, so it reads whole.
    let width = min(64, area.width)
    let errorRows = error.map { $0.wrapped(toWidth: max(1, width - 4)).count } ?? 1
    let box = area.centered(Size(width: width, height: min(area.height, max(9, 7 + errorRows))))
    let block = Block(title: tr("unlock.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      Paragraph(tr("unlock.intro"), style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 2))
    let label = tr("unlock.passphrase")
    let used = grid.put(label, at: Point(x: inner.x, y: inner.y + 3), role: .focus)
    let fieldArea = Rect(
      x: inner.x + used + 1, y: inner.y + 3, width: max(1, inner.width - used - 1), height: 1)
    let field = TextField(passphrase, masked: true)
    grid.render(field, in: fieldArea)
    if let error {
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: max(0, inner.maxY - inner.y - 5)))
    }
    return field.cursorPosition(in: fieldArea)
  }
}

extension UnlockScreen {
  /// Enter unlocks with what was typed.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    guard command == .submit, !passphrase.text.isEmpty else { return Reaction() }
    error = nil
    return Reaction([.unlock(passphrase: passphrase.text)], busy: model.tr("busy.unlocking"))
  }

  /// Typing goes to the passphrase and clears the last problem.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if passphrase.handle(key) { error = nil }
    return Reaction()
  }

  /// A wrong passphrase is said under the field, which is emptied.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    guard case .unlock = effect else { return false }
    error = message
    passphrase = TextFieldState()
    return true
  }
}
