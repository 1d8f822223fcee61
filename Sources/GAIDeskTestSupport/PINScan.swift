import Crypto
import Foundation

/// Looks for a PIN in files: its digits as text (UTF-8, UTF-16), hex, base64, as a binary integer, and its
/// SHA-256.
public enum PINScan {
  /// The encodings looked for.
  public static func encodings(_ pin: String) -> [[UInt8]] {
    let ascii = Array(pin.utf8)
    let number = UInt64(pin)!
    var forms: [[UInt8]] = [
      ascii, Array(pin.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }),
      Array(pin.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }),
      Array(ascii.map { String(format: "%02x", $0) }.joined().utf8),
      Array(Data(ascii).base64EncodedString().utf8),
      Array(SHA256.hash(data: ascii)),
      Array(SHA256.hash(data: ascii).map { String(format: "%02x", $0) }.joined().utf8),
    ]
    forms.append(withUnsafeBytes(of: UInt32(truncatingIfNeeded: number).littleEndian) { Array($0) })
    forms.append(withUnsafeBytes(of: UInt32(truncatingIfNeeded: number).bigEndian) { Array($0) })
    return forms
  }

  /// Every regular file below `roots`.
  public static func files(under roots: [String]) -> [String] {
    roots.flatMap { root -> [String] in
      let items = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
      return items.map { root + "/" + $0 }.filter {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: $0, isDirectory: &directory) && !directory.boolValue
      }
    }
  }

  /// The files holding one of the PIN's encodings, with which.
  public static func find(_ pin: String, under roots: [String]) -> [String] {
    let forms = encodings(pin)
    return files(under: roots).compactMap { file in
      guard let bytes = FileManager.default.contents(atPath: file) else { return nil }
      for (index, form) in forms.enumerated() where bytes.range(of: Data(form)) != nil {
        return "\(file) (form \(index))"
      }
      return nil
    }
  }
}
