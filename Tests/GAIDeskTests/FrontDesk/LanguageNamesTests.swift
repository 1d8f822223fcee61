import Foundation
import Testing

@testable import GAIDesk

/// A language typed at the desk as people say it: a code, a full name in any of the three languages, or the
/// first words of one name ("cabo-verdiano", "wol"); a word that starts several names ("crioulo") is refused
/// naming the codes it could be, so the person picks one.
@Suite struct LanguageNamesTests {
  let data = ReferenceData.shipped

  @Test func codesFullNamesAndTheStartOfOneNameAreTaken() throws {
    #expect(try data.languageCodes(in: "pt, Wolof, créole cap-verdien") == ["pt", "wo", "kea"])
    #expect(try data.languageCodes(in: "cabo-verdiano") == ["kea"])
    #expect(try data.languageCodes(in: "crioulo da guine") == ["pov"])
  }

  @Test func aWordStartingSeveralNamesIsRefusedNamingTheCodes() {
    let error = #expect(throws: GAIDeskError.self) { try data.languageCodes(in: "crioulo") }
    #expect(error?.key == "error.field.languageAmbiguous")
    #expect(error?.args == ["crioulo", "kea, pov"])
  }

  @Test func aWordStartingNoNameIsUnknown() {
    let error = #expect(throws: GAIDeskError.self) { try data.languageCodes(in: "klingon") }
    #expect(error?.key == "error.field.language")
  }
}
