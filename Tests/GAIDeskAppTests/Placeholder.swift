import Testing

@Suite("App (placeholder)") struct AppPlaceholder {}
