import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic time in seconds.
func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` and returns its duration in seconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
  let start = now()
  try body()
  return now() - start
}

/// Peak resident memory of this process in bytes: `VmHWM` of /proc/self/status, the high-water mark of this
/// program's own address space. (`getrusage` `ru_maxrss` is not used: Linux carries the parent's high-water
/// mark into a spawned child across `execve`, so a child started by a bench that had the 1M office open
/// reported 430 MB whatever it did.)
func peakRSS() -> Int {
  if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
  {
    return kilobytes * 1024
  }
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Int(usage.ru_maxrss) * 1024
}

/// Percentiles of a sample (nearest rank).
struct Stats {
  let sorted: [Double]

  init(_ samples: [Double]) { sorted = samples.sorted() }

  func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }

  var p50: Double { percentile(50) }
  var p99: Double { percentile(99) }
  var median: Double { p50 }
  var mean: Double { sorted.reduce(0, +) / Double(max(sorted.count, 1)) }
}

/// Formats a duration for the table.
func format(seconds: Double) -> String {
  if seconds.isNaN { return "-" }
  if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
  if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
  return String(format: "%.2f s", seconds)
}

func format(bytes: Int) -> String {
  let mb = Double(bytes) / 1_048_576
  return mb >= 10 ? String(format: "%.0f MB", mb) : String(format: "%.1f MB", mb)
}

func format(rate: Double) -> String {
  rate >= 1e6 ? String(format: "%.2fM/s", rate / 1e6) : String(format: "%.0fk/s", rate / 1e3)
}

func format(ratio: Double) -> String { String(format: "%.2f×", ratio) }

func formatCount(_ n: Int) -> String {
  if n >= 1_000_000 && n % 1_000_000 == 0 { return "\(n / 1_000_000)M" }
  if n >= 1000 && n % 1000 == 0 { return "\(n / 1000)k" }
  return String(n)
}

/// Parses `10k`, `100k`, `1M`, `2500`.
func parseCount(_ text: String) -> Int? {
  let lower = text.lowercased()
  if lower.hasSuffix("k"), let n = Int(lower.dropLast()) { return n * 1000 }
  if lower.hasSuffix("m"), let n = Int(lower.dropLast()) { return n * 1_000_000 }
  return Int(lower)
}

/// Writes to standard error.
func note(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Exits with a message.
func fail(_ message: String) -> Never {
  note("gaidesk-bench: " + message)
  exit(1)
}

/// The path of this executable (to run scenarios in child processes).
func selfExecutable() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard n > 0 else { return CommandLine.arguments[0] }
  return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Runs a child process and returns its standard output; fails on a non-zero exit.
func runChild(_ arguments: [String]) -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: selfExecutable())
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  do { try process.run() } catch { fail("cannot run child: \(error)") }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    fail("child \(arguments) exited with \(process.terminationStatus)")
  }
  return String(decoding: data, as: UTF8.self)
}

/// Drops the page cache when allowed (root), so that "cold" can also mean a cold disk. Returns whether it did.
@discardableResult
func dropPageCache() -> Bool {
  sync()
  guard let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else { return false }
  handle.write(Data("3\n".utf8))
  try? handle.close()
  return true
}

/// Simple `--name value` and `--flag` option parsing.
struct Options {
  private var values: [String: String] = [:]
  private var flags: Set<String> = []
  var positional: [String] = []

  init(_ arguments: ArraySlice<String>, flags known: Set<String>) {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if argument.hasPrefix("--") {
        let name = String(argument.dropFirst(2))
        if let eq = name.firstIndex(of: "=") {
          values[String(name[..<eq])] = String(name[name.index(after: eq)...])
        } else if known.contains(name) {
          flags.insert(name)
        } else if let value = iterator.next() {
          values[name] = value
        } else {
          fail("missing value for --\(name)")
        }
      } else {
        positional.append(argument)
      }
    }
  }

  subscript(_ name: String) -> String? { values[name] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }
  func int(_ name: String, default value: Int) -> Int {
    guard let text = values[name] else { return value }
    guard let n = parseCount(text) else { fail("--\(name) wants a number, not \(text)") }
    return n
  }
}
