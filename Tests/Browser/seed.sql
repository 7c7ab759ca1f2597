-- Rows for the browser test (Tests/Browser/choices_test.py): a school, an EDC with three slots,
-- a student and an open round. Users are added by `wblmatch user add` (bcrypt in the CLI).
INSERT INTO organizations (code, kind, name, county, latitude, longitude) VALUES
    ('region1', 'consortium', 'Region I Consortium', 'Curry', 34.40, -103.20),
    ('clovis-hs', 'school', 'Clovis High School', 'Curry', 34.42, -103.19),
    ('edc-clovis', 'edc', 'Clovis Industrial Development Corp.', 'Curry', 34.40, -103.20);
INSERT INTO employers (edc_id, external_id, name, industry)
    SELECT id, 'E1', 'Llano Estacado Dairy', 'agriculture' FROM organizations WHERE code = 'edc-clovis';
INSERT INTO sites (employer_id, name, county, latitude, longitude)
    SELECT id, 'Main barn', 'Curry', 34.40, -103.20 FROM employers WHERE external_id = 'E1';
INSERT INTO slots (edc_id, external_id, employer_id, site_id, title, kind, program_of_study, capacity, start_date, end_date, schedule)
    SELECT e.edc_id, v.code, e.id, s.id, v.title, 'internship', 'agriculture', 1, DATE '2027-01-15', DATE '2027-05-20', 'Mon-Fri 15:30-18:00'
    FROM employers e JOIN sites s ON s.employer_id = e.id,
         (VALUES ('S1', 'Dairy herd assistant'), ('S2', 'Cheese plant helper'), ('S3', 'Farm office intern')) AS v(code, title)
    WHERE e.external_id = 'E1';
-- The third slot needs OSHA-10, which the student lacks: the picker says so, and the match explains it.
UPDATE slots SET certifications = '{osha10}' WHERE external_id = 'S3';
INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, transport, guardian_consent_on,
                      home_latitude, home_longitude, availability)
    SELECT id, 'C-100', 'Maria', 'Pena', DATE '2009-03-02', 11, 'agriculture', 'family', DATE '2026-09-01', 34.41, -103.21, 'Mon-Fri 15:00-19:00'
    FROM organizations WHERE code = 'clovis-hs';
INSERT INTO rounds (name, max_choices) VALUES ('Spring 2027', 10);
