@testable import AttributedCore
import Foundation
import Testing

/// The editor's parts, joined into the explorer's one script: all of them there, the lexicon a JSON constant, and
/// none of what the policy forbids or what would insert text as markup.
@Suite struct EditorScriptTests {
    static let script = String(decoding: SeedAPI.get("/explore/assets/explorer.js").bodyBytes, as: UTF8.self)

    @Test func theScriptHoldsTheExplorerThenEveryEditorPartInOneScope() {
        let script = Self.script
        #expect(script.hasPrefix("// attributed explorer: the one script."))
        for part in ExplorerAssets.editorParts {
            #expect(script.contains("\n// ---- \(part).js\n"), "\(part).js is joined")
            #expect(!script.contains("\(part).js is missing from the resource bundle"))
        }
        #expect(script.contains("const REPORTING_CUES = {\n  \"format\": \"attributed-reporting-cues/1\""))
        #expect(script.hasSuffix("})();\n"))
    }

    @Test func theLexiconIsAListOfCuesWithAModeEach() throws {
        let lexicon = try #require(try JSONSerialization.jsonObject(with: Data(BundledResources.explorerFile(
            "reporting-cues", extension: "json", folder: "Editor"))) as? [String: Any])
        let cues = try #require(lexicon["cues"] as? [[String: Any]])
        #expect(cues.count > 50)
        let modes: Set<String> = ["indirect_speech", "document_citation", "impersonal_report", "declined_comment"]
        #expect(cues.allSatisfy { ($0["forms"] as? [String])?.isEmpty == false && modes.contains($0["mode"] as? String ?? "") })
    }

    @Test func noEvalAndNoMarkupFromStrings() {
        for forbidden in ["eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "setTimeout('"] {
            #expect(!Self.script.contains(forbidden), "\(forbidden) in the script")
        }
    }
}
