/// The words of guardian pages and emails in English and Spanish (written per language, never
/// machine-translated at run time). Templates hold the long texts; these are the short ones.
enum GuardianText {
    /// `es` when asked for, else English.
    static func language(_ code: String?) -> String { code == "es" ? "es" : "en" }

    static func slotKind(_ code: String, _ lang: String) -> String {
        let es = ["internship": "pasantía", "pre_apprenticeship": "preaprendizaje", "apprenticeship": "aprendizaje registrado",
                  "job_shadow": "observación laboral", "school_based_enterprise": "empresa escolar"]
        return lang == "es" ? es[code] ?? code : Vocabulary.label(code, in: Vocabulary.slotKinds).lowercased()
    }

    static func transport(_ code: String, _ lang: String) -> String {
        let es = ["none": "ninguno", "school_bus": "autobús escolar", "family": "familia", "own_car": "auto propio"]
        return lang == "es" ? es[code] ?? code : Vocabulary.label(code, in: Vocabulary.transports).lowercased()
    }

    static func nameMissing(_ lang: String) -> String {
        lang == "es" ? "Escriba su nombre completo para firmar." : "Type your full name to sign."
    }

    static func decisionMissing(_ lang: String) -> String {
        lang == "es" ? "Elija «Doy mi consentimiento» o «No doy mi consentimiento»." : "Choose “I consent” or “I do not consent”."
    }

    /// Title and paragraphs of the page after an answer, or for a spent, expired or unknown link.
    static func message(_ kind: String, _ lang: String, name: String = "", date: String = "") -> (title: String, paragraphs: [String]) {
        switch (kind, lang) {
        case ("consented", "es"): ("Gracias", ["Registramos su consentimiento, firmado por \(name) el \(date).", "El consejero escolar verá su respuesta."])
        case ("consented", _): ("Thank you", ["Your consent is recorded, signed by \(name) on \(date).", "The school counselor will see your answer."])
        case ("declined", "es"): ("Respuesta registrada", ["Registramos que no da su consentimiento (\(name), \(date)).", "El consejero escolar verá su respuesta."])
        case ("declined", _): ("Answer recorded", ["We recorded that you do not consent (\(name), \(date)).", "The school counselor will see your answer."])
        case ("used", "es"): ("Enlace ya usado", ["Este enlace ya se usó para responder. Si necesita cambiar su respuesta, comuníquese con el consejero escolar."])
        case ("used", _): ("Link already used", ["This link was already used to answer. To change your answer, contact the school counselor."])
        case ("expired", "es"): ("Enlace vencido", ["Este enlace venció. Pida al consejero escolar que le envíe uno nuevo."])
        case ("expired", _): ("Link expired", ["This link has expired. Ask the school counselor to send you a new one."])
        default: ("Link not valid · Enlace no válido", [
            "This link is not valid. Check that you copied the whole link from the email, or ask the school counselor for a new one.",
            "Este enlace no es válido. Verifique que copió el enlace completo del correo, o pida uno nuevo al consejero escolar.",
        ])
        }
    }
}
