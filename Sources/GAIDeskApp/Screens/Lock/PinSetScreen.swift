import Foundation
import GAIDesk
import TerminalUI

/// After the passphrase: the person at the desk chooses a PIN (twice) to come back after the screen locks.
/// Esc skips it (they will type the passphrase instead); only the PIN's verifier is kept, in memory.
public struct PinSetScreen: AppScreen {
  /// PIN, PIN again.
  var form = FormState(values: ["", ""], limits: [DeskPIN.maxLength, DeskPIN.maxLength])
  /// The last problem, translated.
  var error: String?

  /// Creates an empty PIN screen.
  public init() {}

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    CommonKeys.form(tr, submit: tr("key.setPIN"), back: tr("key.notNow"))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let width = min(64, area.width)
    // The box is as tall as its texts wrap to at its width (in French they need a line more each).
    let textWidth = max(1, width - 4)
    let intro = tr("pin.intro", model.staff, String(DeskPIN.minLength), String(DeskPIN.maxLength))
    let skip = tr("pin.skip")
    let introRows = intro.wrapped(toWidth: textWidth).count
    let skipRows = skip.wrapped(toWidth: textWidth).count
    // Two rows kept for a refusal; a longer one (the common PIN's, in French) makes the box taller.
    let errorRows = max(2, error?.wrapped(toWidth: textWidth).count ?? 0)
    let box = area.centered(
      Size(width: width, height: min(area.height, 2 + introRows + 1 + 2 + 1 + errorRows + skipRows)))
    let block = Block(title: tr("pin.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      Paragraph(intro, style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: introRows))
    let fields = [FormField(tr("pin.pin"), masked: true), FormField(tr("pin.repeat"), masked: true)]
    let formArea = Rect(x: inner.x, y: inner.y + introRows + 1, width: inner.width, height: 2)
    let form = Form(fields: fields, state: self.form)
    grid.render(form, in: formArea)
    if let error {
      grid.render(
        Paragraph(error, style: Style(.error)),
        in: Rect(x: inner.x, y: formArea.maxY + 1, width: inner.width, height: errorRows))
    }
    grid.render(
      Paragraph(skip, style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.maxY - skipRows, width: inner.width, height: skipRows))
    return form.cursorPosition(in: formArea)
  }
}

extension PinSetScreen {
  /// Tab moves between the two fields; Enter checks the PIN and keeps it when both agree.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    switch command {
    case .nextField: form.focusNext()
    case .previousField: form.focusPrevious()
    case .submit:
      let pin = form.values[0].text
      do {
        try DeskPIN.validate(pin)
      } catch let failure as GAIDeskError {
        return refuse(model.tr.error(failure))
      } catch { return Reaction() }
      guard form.values[1].text == pin else { return refuse(model.tr("pin.mismatch")) }
      var reaction = Reaction(navigation: .pop, notice: Notice(model.tr("pin.set"), role: .success))
      reaction.pin = pin
      return reaction
    default: break
    }
    return Reaction()
  }

  /// Digits go to the focused field; other characters are ignored.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if case .character(let c) = key, !c.isASCII || !c.isNumber { return Reaction() }
    if form.handle(key) { error = nil }
    return Reaction()
  }

  private mutating func refuse(_ message: String) -> Reaction {
    error = message
    form = FormState(values: ["", ""], limits: [DeskPIN.maxLength, DeskPIN.maxLength])
    return Reaction()
  }
}
