import Foundation
import Testing

@testable import GAIDesk

/// Every event type's bytes, pinned like etcd's record types: a change to an encoding fails here first.
/// `EVENT_VECTORS_RECORD=1` rewrites `EventVectors.txt` (only for a deliberate new type or version).
@Suite struct EventVectorTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("EventVectors.txt").path

  /// One fixed event of each type (the switch is exhaustive: a new type without a vector does not compile).
  static func sample(_ type: EventType) -> Event {
    var visitor = Visitor(id: "V-K7QD2M9X-12", fullName: "Мария Иванова")
    visitor.nationality = "RU"
    visitor.languages = ["ru", "pt"]
    visitor.consentToStore = Consent(granted: true, date: "2026-11-30", recordedBy: "Ana")
    switch type {
    case .officeCreated: return .officeCreated(office: "praia")
    case .visitorRegistered: return .visitorRegistered(visitor)
    case .visitorUpdated: return .visitorUpdated(visitor, fields: [.languages, .phone], base: 2)
    case .consentRecorded:
      return .consentRecorded(
        visitorID: visitor.id, store: nil,
        share: Consent(granted: false, date: "2026-11-30", recordedBy: "Rui"))
    case .visitArrived:
      return .visitArrived(visitID: "T-K7QD2M9X-13", visitorID: visitor.id, day: "2026-11-30", number: 7)
    case .visitCalled: return .visitCalled(visitID: "T-K7QD2M9X-13", desk: "2")
    case .visitClosed:
      return .visitClosed(
        visitID: "T-K7QD2M9X-13", topics: ["residence.renewal"], outcome: "documentos verificados", note: nil)
    case .visitLeft: return .visitLeft(visitID: "T-K7QD2M9X-13")
    case .visitReopened:
      return .visitReopened(visitID: "T-K7QD2M9X-13", leftAt: WallTime(milliseconds: 1_796_043_600_000))
    case .visitReturned:
      return .visitReturned(visitID: "T-K7QD2M9X-13", calledAt: WallTime(milliseconds: 1_796_043_540_000))
    case .referralCreated:
      return .referralCreated(
        referralID: "R-K7QD2M9X-14", visitorID: visitor.id, partner: "aai", topic: "residence.renewal",
        due: "2026-12-15", note: "urgente", visitID: "T-K7QD2M9X-13")
    case .referralChanged:
      return .referralChanged(
        referralID: "R-K7QD2M9X-14", status: .rejected, reason: .partnerCapacity, note: nil)
    case .followUpAdded:
      return .followUpAdded(
        followUpID: "F-K7QD2M9X-15", visitorID: visitor.id, on: "2026-12-20", note: "ligar")
    case .followUpDone: return .followUpDone(followUpID: "F-K7QD2M9X-15")
    case .visitorsMerged: return .visitorsMerged(keep: visitor.id, other: "V-K7QD2M9X-40")
    case .visitorsUnmerged: return .visitorsUnmerged(keep: visitor.id, other: "V-K7QD2M9X-40")
    case .partnerAdded:
      return .partnerAdded(Partner(code: "assoc-sal", name: "Associação", topics: ["integration.work"]))
    case .partnerUpdated: return .partnerUpdated(Partner(code: "def", name: "DEF", phone: "+238 000"))
    case .partnerRetired: return .partnerRetired(code: "dgi")
    case .sheetUpdated:
      return .sheetUpdated(
        KnowledgeSheet(
          topic: "residence.renewal", reviewed: "2026-11-30", partners: ["aai"],
          pt: SheetContent(ask: ["Desde quando?"], documents: ["Passaporte"], tell: ["Renovar antes"])))
    case .historyLossAccepted:
      return .historyLossAccepted(origin: String(repeating: "ab", count: 16), through: 42)
    case .idsRemapped:
      return .idsRemapped(
        origin: String(repeating: "cd", count: 16), map: [IDChange(old: "V-K7QD2M9X-12", new: "V-8Z1XQ4RT-3")]
      )
    case .knowledgeConfirmed:
      return .knowledgeConfirmed(
        subject: .partner(code: "def"), method: .phone, day: "2026-11-30", note: "ok")
    case .accountAdded:
      return .accountAdded(
        Account(
          id: "u0011223344556677", name: "Rosa Lima", role: .supervisor, publicKey: Array(0..<32),
          isRecovery: false, slot: Array("{}".utf8)))
    case .accountRemoved: return .accountRemoved(id: "u0011223344556677")
    case .accountRoleChanged: return .accountRoleChanged(id: "u0011223344556677", role: .frontDesk)
    case .accountSlotReplaced: return .accountSlotReplaced(id: "u0011223344556677", slot: Array("{}".utf8))
    case .epochStarted:
      return .epochStarted(
        EpochStart(
          epoch: 0x1234_5678,
          wraps: [EpochKeyWrap(account: "u8899aabbccddeeff", ephemeral: Array(32..<64), box: Array(0..<60))]))
    case .lockTimesChanged:
      return .lockTimesChanged(LockTimesChange(idleMinutes: 5, wipeMinutes: nil, sessionHours: 8))
    }
  }

  static func hex(_ event: Event) -> String {
    Hex.encode(EventCodec.encode(EventBatch(staff: "Ana", office: "praia", events: [event])))
  }

  @Test func everyEventTypeMatchesItsPinnedBytes() throws {
    let lines = EventType.allCases.map {
      "\($0.rawValue) \($0) \(EventVectorTests.hex(EventVectorTests.sample($0)))"
    }
    if ProcessInfo.processInfo.environment["EVENT_VECTORS_RECORD"] == "1" {
      try (lines.joined(separator: "\n") + "\n").write(
        toFile: EventVectorTests.file, atomically: true, encoding: .utf8)
    }
    let pinned = try String(contentsOfFile: EventVectorTests.file, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    #expect(pinned == lines)
    for type in EventType.allCases {
      let event = EventVectorTests.sample(type)
      let batch = EventBatch(staff: "Ana", office: "praia", events: [event])
      #expect(try EventCodec.decode(EventCodec.encode(batch)) == batch, "\(type)")
    }
  }

  @Test func aFormatOneVisitorUpdateSetsEveryDetail() throws {
    // Type 3, version 1: the whole visitor, as format 1 wrote it.
    var body = ByteWriter(capacity: 64)
    let visitor = Visitor(id: "V-J8BQ-2", fullName: "Kofi Mensah")
    EventCodec.encode(visitor, into: &body)
    var batch = ByteWriter(capacity: 96)
    batch.write(EventCodec.payloadVersion)
    batch.writeString("Ana")
    batch.writeString("sal")
    batch.writeVarint(1)
    batch.write(UInt16(3))
    batch.write(UInt16(1))
    batch.writeBytes(body.bytes)
    let decoded = try EventCodec.decode(batch.bytes)
    #expect(decoded.events == [.visitorUpdated(visitor, fields: .all, base: .max)])
  }

  @Test func aNewerVersionOfAKnownTypeIsKeptAsItIs() throws {
    let batch = EventBatch(
      staff: "Ana", office: "praia",
      events: [.unknown(type: EventType.visitLeft.rawValue, version: 9, body: [1, 2])])
    #expect(try EventCodec.decode(EventCodec.encode(batch)) == batch)
  }

  @Test func theRecordLayoutIsPinned() throws {
    let origin = try #require(OriginID(hex: String(repeating: "0f", count: 16)))
    let header = RecordHeader(
      origin: origin, sequence: 3, epoch: 1, previousHash: [UInt8](repeating: 0xEE, count: 32))
    #expect(
      Hex.encode(header.bytes)
        == "02" + String(repeating: "0f", count: 16) + "0300000000000000" + "01000000"
        + String(repeating: "ee", count: 32))
    let content = RecordContent(
      clock: HybridTime(milliseconds: 1_795_000_000_000, counter: 1),
      wall: WallTime(milliseconds: 1_795_000_000_123),
      seen: [origin: 5], payload: [0xCA, 0xFE])
    let bytes = content.bytes
    #expect(bytes.count == RecordContent.sizeClass)
    #expect(
      Hex.encode(Array(bytes.prefix(37)))
        == "0100005e56eea101" + "7b5e56eea1010000" + "01" + String(repeating: "0f", count: 16) + "05"
        + "02cafe")
    #expect(bytes.dropFirst(37).allSatisfy { $0 == 0 })
    #expect(try RecordContent(decoding: bytes) == content)
  }
}
