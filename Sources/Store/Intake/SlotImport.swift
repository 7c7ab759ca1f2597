/// Slots, upserted by (EDC, slot_id), with their sites (shared by name per employer).
/// EDC staff import only their own EDC's.
enum SlotImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(SlotImportQueries.createStage)
        try await context.copyRows(SlotImportQueries.copy)
        let own = context.scope(whenRole: "edc_staff")
        if own != nil { try await context.conn.execute(SlotImportQueries.defaultEDC, [own]) }
        try await context.check(SlotImportQueries.problems, [own])
        try await context.conn.execute(SlotImportQueries.upsertSites)
        return try await context.upsert(SlotImportQueries.upsert)
    }
}

/// SQL of the slots import.
enum SlotImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_slots (
            line int, edc text, slot_id text, employer_id text, title text, kind text, program_of_study text,
            capacity text, reserved_seats text, start_date text, end_date text, schedule text, minimum_age text,
            hazardous_orders text, manufacturing text, power_machinery text, mining text, agricultural_hazardous text,
            virtual text, active text, certifications text, background_check text, drug_screen text,
            drivers_license text, us_citizenship text, minimum_grade text, program_required text, contact_name text,
            contact_email text, site_name text, site_address text, site_county text, site_latitude text,
            site_longitude text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_slots FROM STDIN"

    static let defaultEDC = "UPDATE stage_slots SET edc = $1 WHERE edc IS NULL"

    /// Missing/unknown EDCs, scope ($1), unknown employers, duplicate slots.
    static let problems = """
        SELECT line, 'edc' AS col, 'is required (the code of the EDC, e.g. edc-clovis)' AS message
        FROM stage_slots WHERE edc IS NULL
        UNION ALL
        SELECT s.line, 'edc', format('"%s" is not the code of an EDC', s.edc)
        FROM stage_slots s
        WHERE s.edc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.edc AND o.kind = 'edc')
        UNION ALL
        SELECT line, 'edc', format('"%s" is not your EDC (%s): EDC staff import only their own EDC''s slots', edc, $1::text)
        FROM stage_slots WHERE $1::text IS NOT NULL AND edc <> $1::text
        UNION ALL
        SELECT s.line, 'employer_id', format('employer %s of %s is not known (import it with employers.csv first)', s.employer_id, s.edc)
        FROM stage_slots s
        WHERE s.edc IS NOT NULL
          AND EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.edc AND o.kind = 'edc')
          AND NOT EXISTS (SELECT 1 FROM employers e JOIN organizations o ON o.id = e.edc_id
                          WHERE o.code = s.edc AND e.external_id = s.employer_id)
        UNION ALL
        \(StagedUpsert.repeatedKeys(stage: "stage_slots", owner: "edc", id: "slot_id", noun: "slot"))
        ORDER BY 1, 2
        """

    /// Sites named in the file; the last row naming a site decides its address and place.
    static let upsertSites = """
        INSERT INTO sites AS t (employer_id, name, address, county, latitude, longitude)
        SELECT DISTINCT ON (e.id, s.site_name) e.id, s.site_name, s.site_address, s.site_county,
               s.site_latitude::float8, s.site_longitude::float8
        FROM stage_slots s
        JOIN organizations o ON o.code = s.edc
        JOIN employers e ON e.edc_id = o.id AND e.external_id = s.employer_id
        WHERE s.site_name IS NOT NULL AND s.site_latitude IS NOT NULL AND s.virtual::boolean = false
        ORDER BY e.id, s.site_name, s.line DESC
        ON CONFLICT (employer_id, name) DO UPDATE SET
            address = excluded.address, county = excluded.county, latitude = excluded.latitude,
            longitude = excluded.longitude, updated_at = now()
        WHERE (t.address, t.county, t.latitude, t.longitude)
              IS DISTINCT FROM (excluded.address, excluded.county, excluded.latitude, excluded.longitude)
        """

    static let upsert = StagedUpsert(
        table: "slots", key: ["edc_id", "external_id"],
        columns: ["employer_id", "site_id", "title", "kind", "program_of_study", "capacity", "reserved_seats",
                  "start_date", "end_date", "schedule", "minimum_age", "hazardous_orders", "manufacturing",
                  "power_machinery", "mining", "agricultural_hazardous", "virtual", "active", "certifications",
                  "background_check", "drug_screen", "drivers_license", "us_citizenship", "minimum_grade",
                  "program_required", "contact_name", "contact_email"],
        incoming: """
            SELECT o.id AS edc_id, s.slot_id AS external_id, e.id AS employer_id,
                   CASE WHEN s.virtual::boolean THEN NULL ELSE site.id END AS site_id,
                   s.title, s.kind, s.program_of_study, s.capacity::int AS capacity,
                   s.reserved_seats::int AS reserved_seats, s.start_date::date AS start_date,
                   s.end_date::date AS end_date, s.schedule, s.minimum_age::int AS minimum_age,
                   s.hazardous_orders::int[] AS hazardous_orders, s.manufacturing::boolean AS manufacturing,
                   s.power_machinery::boolean AS power_machinery, s.mining::boolean AS mining,
                   s.agricultural_hazardous::boolean AS agricultural_hazardous, s.virtual::boolean AS virtual,
                   s.active::boolean AS active, s.certifications::text[] AS certifications,
                   s.background_check::boolean AS background_check, s.drug_screen::boolean AS drug_screen,
                   s.drivers_license::boolean AS drivers_license, s.us_citizenship::boolean AS us_citizenship,
                   s.minimum_grade::int AS minimum_grade, s.program_required::boolean AS program_required,
                   s.contact_name, s.contact_email
            FROM stage_slots s
            JOIN organizations o ON o.code = s.edc
            JOIN employers e ON e.edc_id = o.id AND e.external_id = s.employer_id
            LEFT JOIN sites site ON site.employer_id = e.id AND site.name = s.site_name
            """)
}
