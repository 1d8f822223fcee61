import Foundation
import GAIDesk

/// Runs a property test's random cases: `variable` in the environment sets how many (else `count`), and
/// `GAIDESK_PROPERTY_SEED` the first seed (else `seed`); each case gets its own generator and a label to
/// replay it by. Returns the sum of what the cases return.
public func runPropertyCases(
  _ variable: String, count: Int, seed: UInt64, _ body: (inout SeededRandom, String) throws -> Int
) rethrows -> Int {
  let environment = ProcessInfo.processInfo.environment
  let cases = Int(environment[variable] ?? "") ?? count
  let first = UInt64(environment["GAIDESK_PROPERTY_SEED"] ?? "") ?? seed
  var total = 0
  for index in 0..<cases {
    var random = SeededRandom(seed: first &+ UInt64(index))
    total += try body(&random, "seed \(first) case \(index)")
  }
  return total
}
