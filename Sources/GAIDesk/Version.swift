public enum GAIDeskVersion { public static let string = "0.1.0" }
