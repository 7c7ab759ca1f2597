-- Students, registered by their school's counselor, and the sites each school's buses serve.

CREATE TABLE students (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id                  bigint NOT NULL REFERENCES organizations (id),
    -- The school's own student number; unique per school.
    external_id                text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 64),
    first_name                 text NOT NULL CHECK (length(btrim(first_name)) > 0),
    last_name                  text NOT NULL CHECK (length(btrim(last_name)) > 0),
    birth_date                 date NOT NULL CHECK (birth_date >= DATE '1900-01-01'),
    grade                      integer NOT NULL CHECK (grade BETWEEN 6 AND 12),
    program_of_study           text CHECK (program_of_study IN ('information_technology', 'manufacturing', 'agriculture', 'transportation_logistics', 'allied_health', 'education', 'business_management')),
    cte_concentrator           boolean NOT NULL DEFAULT false,
    expected_graduation        date,
    transport                  text NOT NULL DEFAULT 'none' CHECK (transport IN ('none', 'school_bus', 'family', 'own_car')),
    drivers_license            boolean NOT NULL DEFAULT false,
    home_latitude              double precision CHECK (home_latitude BETWEEN -90 AND 90),
    home_longitude             double precision CHECK (home_longitude BETWEEN -180 AND 180),
    -- Weekly windows in their text form (school year and summer).
    availability               text NOT NULL DEFAULT '',
    summer_availability        text NOT NULL DEFAULT '',
    certifications             text[] NOT NULL DEFAULT '{}'
                               CHECK (certifications <@ ARRAY['osha10', 'servsafe', 'food_handler', 'forklift', 'cpr_first_aid']),
    -- NULL: no guardian consent on file.
    guardian_consent_on        date,
    work_permit                boolean NOT NULL DEFAULT false,
    student_learner_agreement  boolean NOT NULL DEFAULT false,
    vocational_ag_exemption    boolean NOT NULL DEFAULT false,
    background_check_cleared   boolean NOT NULL DEFAULT false,
    drug_screen_passed         boolean NOT NULL DEFAULT false,
    us_citizen                 boolean NOT NULL DEFAULT false,
    special_populations        text[] NOT NULL DEFAULT '{}'
                               CHECK (special_populations <@ ARRAY['disability', 'economically_disadvantaged', 'nontraditional', 'single_parent', 'out_of_workforce', 'english_learner', 'homeless', 'foster_youth', 'military_parent']),
    guardian_name              text NOT NULL DEFAULT '',
    guardian_email             text NOT NULL DEFAULT '',
    guardian_language          text NOT NULL DEFAULT 'en' CHECK (guardian_language IN ('en', 'es')),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    UNIQUE (school_id, external_id),
    CHECK ((home_latitude IS NULL) = (home_longitude IS NULL))
);

-- The sites a school's buses serve: a student with school_bus transport can reach these.
CREATE TABLE school_bus_routes (
    school_id   bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    site_id     bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, site_id)
);
