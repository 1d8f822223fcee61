import Foundation
import GAIDesk
import TerminalUI

@testable import GAIDeskApp

/// A deterministic office: visitors in five scripts, today's queue, referrals and follow-ups, at a fixed time.
enum Fixture {
  /// A runtime over a new office in a temporary folder (cheap scrypt); the caller removes `root`.
  static func runtimeWithNewOffice() -> (runtime: AppRuntime, root: String)? {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gaidesk-app-\(UUID().uuidString)"
    ).path
    let runtime = AppRuntime(paths: OfficePaths(root: root), scryptLogN: 10)
    guard
      case .opened = runtime.perform(
        .createOffice(municipality: "praia", passphrase: "a good passphrase", staff: "Ana"), staff: "Ana")
    else { return nil }
    return (runtime, root)
  }

  /// 2026-03-10 11:30 in Praia (12:30 UTC).
  static let now = Date(timeIntervalSince1970: 1_773_145_800)
  static let today = "2026-03-10"

  /// The wall time `minutes` before `now` (`counter` told records apart when they carried the hybrid
  /// clock; wall times may be equal).
  static func at(minutesAgo minutes: Int, counter: UInt16 = 0) -> WallTime {
    WallTime(milliseconds: UInt64((now.timeIntervalSince1970 - Double(minutes * 60)) * 1000))
  }

  static func visitor(
    _ id: String, _ name: String, nationality: String?, phone: String? = nil, share: Bool? = nil
  ) -> Visitor {
    var visitor = Visitor(id: id, fullName: name)
    visitor.nationality = nationality
    visitor.phone = phone
    visitor.municipality = "praia"
    visitor.island = "santiago"
    visitor.birthYear = 1990
    visitor.languages = ["pt"]
    if let share { visitor.consentToShare = Consent(granted: share, date: "2026-02-01", recordedBy: "Ana") }
    return visitor
  }

  /// The office state.
  static func state() -> OfficeState {
    var state = OfficeState()
    var clock: UInt16 = 0
    func apply(_ staff: String, _ minutesAgo: Int, _ events: [Event]) {
      clock += 1
      state.apply(
        EventBatch(staff: staff, office: "praia", events: events),
        time: at(minutesAgo: minutesAgo, counter: clock))
    }
    apply("Ana", 60 * 24 * 40, [.officeCreated(office: "praia")])
    apply(
      "Ana", 60 * 24 * 30,
      [
        .visitorRegistered(
          visitor("V-1", "Nguyễn Thị Hồng", nationality: "VN", phone: "9912345", share: true)),
        .visitorRegistered(visitor("V-2", "Мария Иванова", nationality: "RU", share: false)),
        .visitorRegistered(visitor("V-3", "王小明", nationality: "CN", phone: "9587654")),
        .visitorRegistered(visitor("V-4", "João Gonçalves", nationality: "PT", share: true)),
        .visitorRegistered(visitor("V-5", "Aminata Baldé", nationality: "GW", phone: "9781122", share: true)),
      ])
    // An earlier visit with a referral now overdue and a follow-up due.
    apply(
      "Ana", 60 * 24 * 20, [.visitArrived(visitID: "T-0", visitorID: "V-5", day: "2026-02-18", number: 1)])
    apply(
      "Ana", 60 * 24 * 20 - 10,
      [
        .visitClosed(
          visitID: "T-0", topics: ["residence.renewal"], outcome: "Explicado", note: "Traz passaporte"),
        .referralCreated(
          referralID: "R-1", visitorID: "V-5", partner: "def", topic: "residence.renewal", due: "2026-03-01",
          note: nil, visitID: "T-0"),
        .followUpAdded(
          followUpID: "F-1", visitorID: "V-5", on: "2026-03-09", note: "Ligar sobre a renovação"),
      ])
    apply(
      "Rui", 60 * 24 * 3,
      [
        .referralCreated(
          referralID: "R-2", visitorID: "V-4", partner: "def", topic: "entry.extension-of-stay",
          due: "2026-03-20", note: nil, visitID: nil)
      ])
    apply("Rui", 60 * 24 * 2, [.referralChanged(referralID: "R-2", status: .sent, reason: nil, note: nil)])
    // Today's queue.
    apply("Ana", 145, [.visitArrived(visitID: "T-1", visitorID: "V-1", day: today, number: 1)])
    apply("Ana", 110, [.visitArrived(visitID: "T-2", visitorID: "V-2", day: today, number: 2)])
    apply("Rui", 100, [.visitCalled(visitID: "T-1", desk: "2")])
    apply(
      "Rui", 80,
      [
        .visitClosed(
          visitID: "T-1", topics: ["residence.renewal", "integration.health"], outcome: "Informado", note: nil
        )
      ])
    apply("Ana", 75, [.visitArrived(visitID: "T-3", visitorID: "V-3", day: today, number: 3)])
    apply("Ana", 60, [.visitCalled(visitID: "T-2", desk: "1")])
    apply("Ana", 40, [.visitArrived(visitID: "T-4", visitorID: "V-4", day: today, number: 4)])
    apply("Ana", 30, [.visitLeft(visitID: "T-3")])
    apply("Ana", 20, [.visitArrived(visitID: "T-5", visitorID: "V-5", day: today, number: 5)])
    return state
  }

  /// The office state with a second record of João Gonçalves (V-6), a merge candidate for V-4.
  static func withLookAlike() -> OfficeState {
    var state = state()
    state.apply(
      EventBatch(
        staff: "Rui", office: "praia",
        events: [.visitorRegistered(visitor("V-6", "Joao Goncalves", nationality: "PT", phone: "9155555"))]),
      time: at(minutesAgo: 5, counter: 50))
    return state
  }

  /// The model at the queue, office open, staff Ana at desk 1.
  static func model(width: Int = 80, height: Int = 24, language: Language = .portuguese) -> AppModel {
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: language.rawValue),
      size: Size(width: width, height: height), now: now)
    _ = model.update(.opened(office: "praia", state: state()))
    _ = model.update(.key(.enter))
    // No PIN this session (Esc on the PIN screen).
    _ = model.update(.key(.escape))
    return model
  }

  /// A health report with every warning: damage, a fork, future-dated records and a backup 10 days old.
  static func health() -> OfficeHealth {
    let origin = OriginID(hex: "0123456789abcdef0123456789abcdef")!
    return OfficeHealth(
      futureDated: [.init(day: "2026-03-12", count: 3), .init(day: "2026-04-01", count: 1)],
      forks: [Fork(origin: origin, sequence: 42, file: "forks/fork-\(origin.hex)-at-42-pc2.gaibundle")],
      damage: [
        JournalDamage(segment: "journal/\(origin.hex)/00000001.seg", offset: 4096, reason: "checksum")
      ],
      lastBackup: now.addingTimeInterval(-10 * 86_400))
  }

  /// Sends keys one by one; returns every effect asked for.
  @discardableResult
  static func press(_ model: inout AppModel, _ keys: [KeyEvent]) -> [Effect] {
    keys.flatMap { model.update(.key($0)) }
  }

  /// Types text as character keys.
  @discardableResult
  static func type(_ model: inout AppModel, _ text: String) -> [Effect] {
    press(&model, text.map { KeyEvent.character($0) })
  }
}
