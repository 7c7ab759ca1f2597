-- Slots: the seats an employer offers, with the facts the eligibility rules read.

CREATE TABLE slots (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edc_id                  bigint NOT NULL REFERENCES organizations (id),
    external_id             text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 64),
    employer_id             bigint NOT NULL,
    -- NULL only for a virtual slot.
    site_id                 bigint REFERENCES sites (id),
    title                   text NOT NULL CHECK (length(btrim(title)) > 0),
    kind                    text NOT NULL CHECK (kind IN ('internship', 'pre_apprenticeship', 'apprenticeship', 'job_shadow', 'school_based_enterprise')),
    program_of_study        text NOT NULL CHECK (program_of_study IN ('information_technology', 'manufacturing', 'agriculture', 'transportation_logistics', 'allied_health', 'education', 'business_management')),
    capacity                integer NOT NULL CHECK (capacity >= 0),
    -- "Second-chance" seats that go first to reserve-eligible students (soft reserve).
    reserved_seats          integer NOT NULL DEFAULT 0 CHECK (reserved_seats >= 0),
    start_date              date NOT NULL,
    end_date                date NOT NULL,
    -- Weekly windows in their text form: `Mon-Fri 15:30-18:00; Sat 08:00-12:00`.
    schedule                text NOT NULL DEFAULT '',
    minimum_age             integer CHECK (minimum_age BETWEEN 0 AND 25),
    hazardous_orders        integer[] NOT NULL DEFAULT '{}'
                            CHECK (hazardous_orders <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17] AND array_position(hazardous_orders, NULL) IS NULL),
    manufacturing           boolean NOT NULL DEFAULT false,
    power_machinery         boolean NOT NULL DEFAULT false,
    mining                  boolean NOT NULL DEFAULT false,
    agricultural_hazardous  boolean NOT NULL DEFAULT false,
    virtual                 boolean NOT NULL DEFAULT false,
    active                  boolean NOT NULL DEFAULT true,
    certifications          text[] NOT NULL DEFAULT '{}'
                            CHECK (certifications <@ ARRAY['osha10', 'servsafe', 'food_handler', 'forklift', 'cpr_first_aid']),
    background_check        boolean NOT NULL DEFAULT false,
    drug_screen             boolean NOT NULL DEFAULT false,
    drivers_license         boolean NOT NULL DEFAULT false,
    us_citizenship          boolean NOT NULL DEFAULT false,
    minimum_grade           integer CHECK (minimum_grade BETWEEN 6 AND 12),
    -- true: only students of this program of study; false: the program is preferred.
    program_required        boolean NOT NULL DEFAULT false,
    contact_name            text NOT NULL DEFAULT '',
    contact_email           text NOT NULL DEFAULT '',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (edc_id, external_id),
    FOREIGN KEY (employer_id, edc_id) REFERENCES employers (id, edc_id),
    CHECK (reserved_seats <= capacity),
    CHECK (end_date >= start_date),
    CHECK (virtual OR site_id IS NOT NULL)
);
CREATE INDEX slots_employer_id_idx ON slots (employer_id);
CREATE INDEX slots_site_id_idx ON slots (site_id);
