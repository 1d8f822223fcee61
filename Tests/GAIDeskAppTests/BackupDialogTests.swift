import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The supervisor's backup: b on the day tab, a folder, a progress bar on the worker, a result that says
/// how to restore, and the day tab's warning cleared.
@Suite("Backup from the interface")
struct BackupDialogTests {
  private func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  /// Applies the worker's answers (whole batches) until `done` says so of one (or 20 s pass); returns them.
  @discardableResult
  private func drain(
    _ worker: OfficeWorker, into model: inout AppModel, until done: (Message) -> Bool
  ) -> [Message] {
    var seen: [Message] = []
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      var finished = false
      for answer in worker.poll() {
        seen.append(answer)
        for effect in model.update(answer) { worker.send(effect, staff: model.staff) }
        finished = finished || done(answer)
      }
      if finished { return seen }
      usleep(2_000)
    }
    return seen
  }

  @Test("b backs up to the folder typed, with progress, a result saying how to restore, the warning cleared")
  func backupFromTheDayTab() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    for name in ["Ana Lopes", "Rui Semedo", "Moussa Diop", "Lin Wei"] {
      _ = runtime.perform(.arriveNew(VisitorForm(fullName: name)), staff: "Ana")
    }
    let office = try #require(runtime.office)
    let worker = OfficeWorker(runtime: runtime)
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: "pt"),
      size: Size(width: 100, height: 30), now: Date())
    _ = model.update(.opened(office: "praia", state: office.state))
    _ = model.update(.key(.enter))
    _ = model.update(.key(.escape))  // no PIN
    _ = model.update(try #require(runtime.health()))
    Fixture.press(&model, [.character("s")])
    #expect(text(model).contains("Nunca foi feita uma cópia de segurança"))
    #expect(text(model).contains("Cópia de segurança"), "the footer names the key")

    #expect(Fixture.press(&model, [.character("b")]) == [.prepareBackup])
    worker.send(.prepareBackup, staff: "Ana")
    drain(worker, into: &model) { if case .backupFolders = $0 { true } else { false } }
    #expect(text(model).contains("Pasta da cópia"))

    let stick = root + "-stick"
    defer { try? FileManager.default.removeItem(atPath: stick) }
    Fixture.press(&model, [.character("x"), .control("u")])
    Fixture.type(&model, "relative/folder")
    #expect(Fixture.press(&model, [.enter]).isEmpty, "a relative folder is refused")
    #expect(text(model).contains("começando por /"))
    for _ in 0..<20 { Fixture.press(&model, [.backspace]) }
    Fixture.type(&model, stick)
    let effects = Fixture.press(&model, [.enter])
    #expect(effects == [.backup(folder: stick)])
    #expect(text(model).contains("0%") && text(model).contains("░"))

    // The keys stay free while the backup runs on the worker.
    worker.send(.backup(folder: stick), staff: "Ana")
    #expect(!worker.isBusy)
    let answers = drain(worker, into: &model) { if case .backedUp = $0 { true } else { false } }
    #expect(answers.contains { if case .backupProgress(.writing, _, _) = $0 { true } else { false } })
    let result = text(model)
    #expect(result.contains("Cópia feita em") && result.contains("registos novos"), "\(result)")
    #expect(result.contains("gaidesk restore --from"))
    Fixture.press(&model, [.character("x")])
    let day = text(model)
    #expect(!day.contains("Nunca foi feita") && day.contains("Última cópia de segurança:"), "\(day)")
    #expect(FileManager.default.fileExists(atPath: stick + "/LEIA-ME.txt"))
    #expect(
      try Office.checkBackup(in: stick, passphrase: "a good passphrase").records == 5,
      "the office's first record (its accounts) and the four arrivals")

    // Again: nothing new, and it says so.
    Fixture.press(&model, [.character("b")])
    worker.send(.prepareBackup, staff: "Ana")
    drain(worker, into: &model) { if case .backupFolders = $0 { true } else { false } }
    #expect(text(model).contains(stick), "the last folder is proposed first")
    #expect(Fixture.press(&model, [.enter]) == [.backup(folder: stick)])
    worker.send(.backup(folder: stick), staff: "Ana")
    drain(worker, into: &model) { if case .backedUp = $0 { true } else { false } }
    #expect(text(model).contains("já tinha") && text(model).contains("nada novo a escrever"))
    worker.finish()
  }

  @Test("the bar follows both passes; Esc hides the box and the status line carries the percentage")
  func progressBarAndHiddenBox() {
    var model = Fixture.model(width: 100, height: 30)
    Fixture.press(&model, [.character("s")])
    _ = model.update(.backupFolders(["/media/ana/PEN"]))
    #expect(text(model).contains("/media/ana/PEN"))
    #expect(Fixture.press(&model, [.enter]) == [.backup(folder: "/media/ana/PEN")])
    _ = model.update(.backupProgress(.reading, done: 50, total: 100))
    #expect(text(model).contains(" 25%"))
    _ = model.update(.backupProgress(.writing, done: 50, total: 100))
    #expect(text(model).contains(" 75%") && text(model).contains("█"))
    Fixture.press(&model, [.escape])
    #expect(model.overlay == nil)
    #expect(text(model).contains("Cópia de segurança: 75%"))
    // Keys work meanwhile, and a second backup is refused until the first ends.
    Fixture.press(&model, [.tab])
    #expect(text(model).contains("Encaminhamentos"))
    Fixture.press(&model, [.backTab])
    #expect(Fixture.press(&model, [.character("b")]).isEmpty)
    #expect(text(model).contains("Já há uma cópia"))
    Fixture.press(&model, [.character("q")])
    #expect(model.overlay == nil && text(model).contains("espere que acabe antes de sair"))
    _ = model.update(
      .failed(.backup(folder: "/media/ana/PEN"), GAIDeskError(.diskFull, "/media/ana/PEN", "")))
    #expect(model.backupProgress == nil)
    #expect(text(model).contains("Cópia de segurança") && model.overlay != nil)
  }
}
