import Foundation
import GAIDesk
import TerminalUI

/// What to draw: the grid and where the terminal cursor goes (nil hides it).
public struct Frame: Equatable, Sendable {
  /// The cells.
  public var grid: Grid
  /// The cursor, when a field has focus.
  public var cursor: Point?
}

extension AppModel {
  /// The smallest size the screens are laid out for.
  public static let minimumSize = Size(width: 80, height: 24)

  /// Whether the terminal is smaller than ``minimumSize``: only the message asking for a larger window is
  /// drawn, and keys act on nothing but Ctrl-C.
  var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

  /// Draws the whole screen.
  public func view() -> Frame {
    var grid = Grid(size: size)
    guard !isTooSmall else {
      renderTooSmall(into: &grid)
      return Frame(grid: grid, cursor: nil)
    }
    let rows = grid.area.splitRows([.length(1), .fill(1), .length(statusRows), .length(1)])
    renderHeader(into: &grid, area: rows[0])
    if let line = bannerLine {
      // Damaged history (red), an office that cannot be written, key slots not trusted: under the header on
      // every screen.
      let banner = Rect(x: 0, y: rows[1].y, width: size.width, height: 1)
      let style = Style(line.role, attributes: .reverse)
      grid.fill(banner, style: style)
      grid.put(" " + line.text, at: banner.origin, style: style, maxWidth: banner.width)
    }
    // Locked: nothing of the office is drawn, only the locked screen.
    var cursor =
      lockScreen.map { $0.render(into: &grid, area: bodyArea, tr: tr) }
      ?? screen.contract.render(into: &grid, area: bodyArea, model: self)
    if let status {
      grid.render(WrappedMessage(status.text, role: status.role), in: rows[2].inset(horizontal: 1))
    }
    let keys = keyMap().footerEntries.map { FooterEntry(key: tr.keys($0.key), help: $0.help) }
    grid.render(Footer(entries: keys), in: rows[3])
    if case .backup(let dialog)? = overlay, !isLocked {
      cursor = renderBackup(dialog, into: &grid)
    } else if let overlay, !isLocked || isOverlayShownWhileLocked {
      renderOverlay(overlay, into: &grid)
      cursor = nil
    }
    return Frame(grid: grid, cursor: busy == nil ? cursor : nil)
  }

  private func renderTooSmall(into grid: inout Grid) {
    let text = tr(
      "small.message", String(size.width), String(size.height), String(Self.minimumSize.width),
      String(Self.minimumSize.height))
    let lines = text.wrapped(toWidth: max(1, size.width - 2))
    let top = max(0, (size.height - lines.count) / 2)
    for (row, line) in lines.enumerated() where top + row < size.height {
      let x = max(0, (size.width - line.displayWidth) / 2)
      grid.put(line, at: Point(x: x, y: top + row), role: .warning)
    }
  }

  private func renderHeader(into grid: inout Grid, area: Rect) {
    grid.fill(area, role: .title)
    var left = "GAIDesk"
    if let officeCode {
      left += " · " + tr("header.office", ReferenceData.shipped.municipality(officeCode)?.name ?? officeCode)
    }
    if officeCode != nil, !staff.isEmpty, !isStartScreen, !isLocked {
      left += " · " + staff + " · " + tr("header.desk", desk)
    }
    let clock = LocalTime.clock(WallTime(now))
    let right = tr.date(today) + " " + clock + "  " + tr.language.rawValue.uppercased()
    let style = Style(.title, attributes: .reverse)
    grid.put(" " + left, at: area.origin, style: style, maxWidth: area.width - right.displayWidth - 2)
    grid.put(right + " ", at: Point(x: area.maxX - right.displayWidth - 1, y: area.y), style: style)
    grid.setStyle(style, in: area)
  }

  private var isStartScreen: Bool {
    let s = screen.contract
    return s is UnlockScreen || s is StaffScreen || s is SetupScreen || s is PinSetScreen
  }

  private func renderOverlay(_ overlay: Overlay, into grid: inout Grid) {
    let yesNo = [tr("answer.yesKey"), tr("answer.noKey")]
    switch overlay {
    case .help:
      renderHelp(into: &grid)
    case .confirmQuit:
      grid.render(
        Modal(title: tr("quit.title"), message: quitMessage, buttons: yesNo, role: .warning),
        in: grid.area)
    case .confirmDiscard:
      grid.render(
        Modal(title: tr("discard.title"), message: tr("discard.message"), buttons: yesNo, role: .warning),
        in: grid.area)
    case .ticket(let visitID):
      let visit = state.visits[visitID]
      let message = tr("ticket.message", visit?.ticket ?? "", visit.map { name($0.visitorID) } ?? "")
      grid.render(
        Modal(title: tr("ticket.title"), message: message, buttons: [tr("answer.ok")], role: .success),
        in: grid.area)
    case .saved(let visitID, let referralIDs, let language):
      renderSaved(visitID: visitID, referralIDs: referralIDs, language: language, into: &grid)
    case .consent(let visitorID):
      let message = tr("consent.message", name(visitorID))
      grid.render(
        Modal(title: tr("consent.title"), message: message, buttons: yesNo, role: .warning), in: grid.area)
    case .referralStatus(let picker):
      renderStatusPicker(picker, into: &grid)
    case .confirmMerge(let keep, let other):
      let message = tr("merge.confirm", state.visitors[other]?.fullName ?? other, other, name(keep), keep)
      grid.render(
        Modal(title: tr("merge.confirmTitle"), message: message, buttons: yesNo, role: .warning),
        in: grid.area)
    case .confirmUnmerge(let keep, let other):
      let message = tr("unmerge.confirm", state.visitors[other]?.fullName ?? other, other, name(keep), keep)
      grid.render(
        Modal(title: tr("unmerge.confirmTitle"), message: message, buttons: yesNo, role: .warning),
        in: grid.area)
    case .profileConsent(let visitorID, let share):
      let message = tr(share == nil ? "consent.askShare" : "consent.askStore", name(visitorID))
      grid.render(
        Modal(
          title: tr("consent.profileTitle"), message: message, buttons: yesNo + [tr("answer.cancelKey")],
          role: .warning), in: grid.area)
    case .confirmRetire(let code):
      let message = tr("partnerEdit.retireMessage", directory.partner(code)?.name ?? code)
      grid.render(
        Modal(title: tr("partnerEdit.retireTitle"), message: message, buttons: yesNo, role: .warning),
        in: grid.area)
    case .confirmLeft(let visitID):
      let visit = state.visits[visitID]
      let message = tr("queue.leftMessage", visit?.ticket ?? "", visit.map { name($0.visitorID) } ?? "")
      grid.render(
        Modal(title: tr("queue.leftTitle"), message: message, buttons: yesNo, role: .warning), in: grid.area)
    case .confirmLeaveServe(let visitID):
      grid.render(leaveServeModal(visitID: visitID), in: grid.area)
    case .confirmSecondCall(let visitID, let heldID):
      grid.render(secondCallModal(visitID: visitID, heldID: heldID), in: grid.area)
    case .confirmServeElsewhere(let visitID):
      grid.render(serveElsewhereModal(visitID: visitID), in: grid.area)
    case .confirmSecondTicket(let visitorID, let visitID):
      let open = state.visits[visitID]
      let ticket = open?.ticket ?? visitID
      let message =
        open?.status == .called
        ? tr("arrival.secondTicketCalled", name(visitorID), ticket, open?.desk ?? "—")
        : tr("arrival.secondTicketMessage", name(visitorID), ticket)
      grid.render(
        Modal(title: tr("arrival.secondTicketTitle"), message: message, buttons: yesNo, role: .warning),
        in: grid.area)
    case .confirmClock(let warning, _, _):
      grid.render(
        Modal(title: tr("clock.title"), message: clockMessage(warning), buttons: yesNo, role: .warning),
        in: grid.area)
    case .message(let text):
      grid.render(
        Modal(title: tr("error.title"), message: text, buttons: [tr("answer.ok")], role: .error),
        in: grid.area)
    case .recoveryCode(let code, _):
      grid.render(
        Modal(
          title: tr("setup.recoveryTitle"), message: tr("setup.recovery", code), buttons: [tr("answer.ok")],
          role: .warning),
        in: grid.area)
    case .backup(let dialog):
      _ = renderBackup(dialog, into: &grid)
    }
  }

  private func renderHelp(into grid: inout Grid) {
    // Every key, also those the footer leaves out, unless another key already gives the same help.
    let all = screenKeyMap().bindings
    let shown = Set(all.filter { !$0.isHidden }.map(\.help))
    let bindings = all.filter {
      !$0.isHidden || $0.action == .quit || $0.action == .lock || !shown.contains($0.help)
    }
    // Each help whole: wrapped beside its keys rather than cut at the box's edge.
    let width = min(grid.width - 4, 64)
    let keyWidth = 18
    let lines = bindings.flatMap { binding in
      let keys = binding.keys.map { tr.keys($0.label) }.joined(separator: " / ")
      return binding.help.wrapped(toWidth: max(1, width - 4 - keyWidth - 1)).enumerated().map { index, line in
        (index == 0 ? keys : "").padded(toWidth: keyWidth) + " " + line
      }
    }
    let height = min(grid.height - 2, lines.count + 4)
    let box = grid.area.centered(Size(width: width, height: height))
    grid.fill(box, style: .normal)
    let block = Block(title: tr("help.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    for (row, line) in lines.prefix(inner.height - 1).enumerated() {
      grid.put(line, at: Point(x: inner.x, y: inner.y + row), role: .normal, maxWidth: inner.width)
    }
    grid.put(tr("help.close"), at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
  }

  /// A referral slip's lines in `language`.
  func slipLines(_ referralID: String, language: Language) -> [String] {
    (try? ReferralSlip.make(referralID: referralID, state: state, language: language))?.lines ?? []
  }

  /// The lines of the "saved" box: what was saved, then each slip, wrapped at `width`.
  func savedLines(visitID: String, referralIDs: [String], language: Language, width: Int) -> [String] {
    let visit = state.visits[visitID]
    var lines = [tr("saved.message", visit?.ticket ?? "", visit.map { name($0.visitorID) } ?? "")]
    for referralID in referralIDs {
      lines.append("")
      lines += slipLines(referralID, language: language)
    }
    return lines.flatMap { $0.isEmpty ? [""] : $0.wrappedKeepingIndent(toWidth: width) }
  }

  /// Where the saved-visit box goes and what it holds, computed once for drawing and for scrolling.
  struct SavedLayout {
    /// The message and the slips, wrapped to the box.
    let lines: [String]
    /// The last rows: what the keys do.
    let bottom: [String]
    /// The box, border included.
    let box: Rect
    /// Inside the border.
    let inner: Rect
    /// The rows left for `lines`.
    var rows: Int { max(0, inner.height - bottom.count) }
    /// The greatest scroll offset that still fills the rows.
    var maxOffset: Int { max(0, lines.count - rows) }
  }

  /// The saved-visit box for the screen's size: inside the body, so that the status line under it says
  /// whole what became of a print (no printer, sent) and the key bar stays readable.
  func savedLayout(visitID: String, referralIDs: [String], language: Language) -> SavedLayout {
    let body = bodyArea
    let width = max(5, min(body.width - 4, 70))
    let lines = savedLines(visitID: visitID, referralIDs: referralIDs, language: language, width: width - 4)
    let hint = tr(referralIDs.isEmpty ? "saved.continue" : "saved.continueOrPrint")
    let bottom = [hint.truncated(toWidth: width - 4)]
    let box = body.centered(
      Size(width: width, height: max(0, min(body.height, lines.count + bottom.count + 3))))
    let inner = Block(title: "").inner(box).inset(horizontal: 1)
    return SavedLayout(lines: lines, bottom: bottom, box: box, inner: inner)
  }

  private func renderSaved(
    visitID: String, referralIDs: [String], language: Language, into grid: inout Grid
  ) {
    let layout = savedLayout(visitID: visitID, referralIDs: referralIDs, language: language)
    let (wrapped, bottom, inner) = (layout.lines, layout.bottom, layout.inner)
    grid.fill(layout.box, style: .normal)
    grid.render(Block(title: tr("saved.title")), in: layout.box)
    // A slip longer than the box scrolls (PageDown, PageUp); the last row says when more follows.
    let rows = layout.rows
    let start = min(overlayOffset, layout.maxOffset)
    let more = wrapped.count - start > rows
    for (row, line) in wrapped.dropFirst(start).prefix(more ? rows - 1 : rows).enumerated() {
      let role: Role = row + start == 0 ? .success : .normal
      grid.put(line, at: Point(x: inner.x, y: inner.y + row), role: role, maxWidth: inner.width)
    }
    if more, rows > 0 {
      grid.put(
        tr("sheet.more"), at: Point(x: inner.x, y: inner.y + rows - 1), role: .muted, maxWidth: inner.width)
    }
    for (index, line) in bottom.enumerated() where inner.height > index {
      grid.put(
        line, at: Point(x: inner.x, y: inner.maxY - bottom.count + index), role: .muted, maxWidth: inner.width
      )
    }
  }

  private func renderStatusPicker(_ picker: StatusPicker, into grid: inout Grid) {
    let items: [String]
    let title: String
    if let chosen = picker.chosen {
      items = ReferralReason.allCases.map { tr("reason." + $0.rawValue) }
      title = tr("status.reasonTitle", tr("referral." + chosen.rawValue))
    } else {
      items = picker.options.map { tr("referral." + $0.rawValue) }
      title = tr("status.pickTitle")
    }
    let box = grid.area.centered(Size(width: 48, height: items.count + 4))
    grid.fill(box, style: .normal)
    let block = Block(title: title)
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      ListView(items: items, state: picker.list),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1))
    grid.put(tr("status.hint"), at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
  }
}
