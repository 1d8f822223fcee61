import Foundation
import Testing

/// A supervisor confirms a sheet line in the real interface under tmux; the count the screen shows and the
/// count the command line gives agree before and after.
@Suite("Knowledge confirmed under tmux", .serialized)
struct KnowledgeReviewInterfaceTests {
  /// How many lines of `topic`'s sheet `gaidesk topic unconfirmed` lists.
  static func unconfirmed(_ office: TestOffice, topic: String) throws -> Int {
    #expect(office.run(["topic", "unconfirmed", "--json"]) == 0, "\(office.log)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(office.log.utf8)) as? [String: Any])
    let items = try #require(document["items"] as? [[String: Any]])
    return items.filter { ($0["subject"] as? String)?.hasPrefix("sheet:\(topic):") == true }.count
  }

  @Test(
    "confirming one line of a sheet lowers the count of lines to confirm by one, on screen and in the CLI")
  func confirmOneLine() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let before = try Self.unconfirmed(office, topic: "residence.renewal")
    #expect(before > 1)
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.keys("f")
    #expect(ui.waitFor("Fichas técnicas"))
    ui.type("renovação")
    #expect(ui.waitFor("Renovação"))
    ui.keys("Enter")
    #expect(ui.waitFor("\(before) por confirmar"), "\(ui.screen())")
    #expect(ui.waitFor("Nunca confirmada"))
    ui.keys("c")
    #expect(ui.waitFor("Confirmar localmente"))
    ui.keys("Enter")
    #expect(
      ui.waitUntil { $0.contains("\(before - 1) por confirmar") && !$0.contains("guardar…") },
      "\(ui.screen())")
    #expect(ui.waitFor("por Ana (telefone)"))
    #expect(try Self.unconfirmed(office, topic: "residence.renewal") == before - 1)
  }
}
