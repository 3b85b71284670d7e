// The demo people of the CiviCRM simulator, as plain data so other simulators can reuse (overlap) them.

export interface DemoPerson {
  /** Stable handle for cross-simulator fixtures; not stored in CiviCRM. */
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  /** Primary email, or null for someone without one. */
  readonly email: string | null;
  /** Further (non-primary) emails; in the CiviCRM seed these are created *before* the primary one. */
  readonly otherEmails?: readonly string[];
  /** As typed by whoever entered it: formats are deliberately mixed. */
  readonly phone: string | null;
  readonly phoneType?: 'Mobile' | 'Phone';
  readonly streetAddress?: string;
  readonly city: string | null;
  readonly postalCode?: string;
  /** State/province abbreviation (US, CA, AU only). */
  readonly stateProvince?: string;
  /** ISO 3166-1 alpha-2, or null when no address is on file. */
  readonly country: string | null;
  /** Name of one of DEMO_ORGANIZATIONS. */
  readonly employer?: string;
  readonly jobTitle?: string;
  readonly birthDate?: string;
  /** Civi locale such as en_US; absent means the site default (en_US). */
  readonly preferredLanguage?: string;
  readonly doNotEmail?: boolean;
  readonly isOptOut?: boolean;
  readonly externalIdentifier?: string;
  /** In CiviCRM's trash (is_deleted) in the seed. */
  readonly trashed?: boolean;
}

export interface DemoOrganization {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly streetAddress: string;
  readonly city: string;
  readonly postalCode: string;
  readonly stateProvince?: string;
  readonly country: string;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { name: 'Acme Widgets Ltd', email: 'info@acme-widgets.example', phone: '+1 416 555 0100', streetAddress: '100 King St W', city: 'Toronto', postalCode: 'M5X 1A9', stateProvince: 'ON', country: 'CA' },
  { name: 'Globex Corporation', email: 'contact@globex.example', phone: '(217) 555-0100', streetAddress: '1 Globex Plaza', city: 'Springfield', postalCode: '62701', stateProvince: 'IL', country: 'US' },
  { name: 'Initech', email: 'hello@initech.example', phone: '(512) 555-0100', streetAddress: '4120 Freidrich Lane', city: 'Austin', postalCode: '78744', stateProvince: 'TX', country: 'US' },
  { name: 'Riverside Food Bank', email: 'volunteer@riversidefoodbank.example', phone: '(503) 555-0100', streetAddress: '2 River Rd', city: 'Portland', postalCode: '97201', stateProvince: 'OR', country: 'US' },
  { name: 'Northwind Traders', email: 'sales@northwind.example', phone: '020 7946 0100', streetAddress: '30 St Mary Axe', city: 'London', postalCode: 'EC3A 8BF', country: 'GB' },
  { name: 'Maple Leaf Housing Society', email: 'office@mapleleafhousing.example', phone: '604-555-0100', streetAddress: '555 W Hastings St', city: 'Vancouver', postalCode: 'V6B 4N6', stateProvince: 'BC', country: 'CA' },
  { name: 'Société des Amis de la Forêt', email: 'contact@amis-foret.example', phone: '+33 4 72 55 01 00', streetAddress: '3 Quai Saint-Antoine', city: 'Lyon', postalCode: '69002', country: 'FR' },
  { name: 'Kiwi Conservation Trust', email: 'kia.ora@kiwitrust.example', phone: '+64 4 555 0100', streetAddress: '101 Lambton Quay', city: 'Wellington', postalCode: '6011', country: 'NZ' },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'alice-anderson', firstName: 'Alice', lastName: 'Anderson', email: 'alice.anderson@example.org', phone: '+1 555 0199', phoneType: 'Mobile', streetAddress: '42 Elm Road', city: 'Toronto', postalCode: 'M5V 2T6', stateProvince: 'ON', country: 'CA', employer: 'Acme Widgets Ltd', jobTitle: 'Operations Lead', birthDate: '1985-04-12', externalIdentifier: 'LEGACY-0001' },
  { key: 'bob-baker', firstName: 'Bob', lastName: 'Baker', email: 'bob.baker@example.org', otherEmails: ['bob@bakerfamily.example'], phone: '(312) 555-0147', phoneType: 'Phone', streetAddress: '233 S Wacker Dr', city: 'Chicago', postalCode: '60606', stateProvince: 'IL', country: 'US', employer: 'Globex Corporation', birthDate: '1979-11-02', externalIdentifier: 'LEGACY-0002' },
  { key: 'carla-clark', firstName: 'Carla', lastName: 'Clark', email: 'carla.clark@example.com', phone: '(415) 555-0132', phoneType: 'Mobile', streetAddress: '1 Market St', city: 'San Francisco', postalCode: '94105', stateProvince: 'CA', country: 'US', employer: 'Initech', jobTitle: 'Engineer' },
  { key: 'dave-anderby', firstName: 'Dave', lastName: 'Anderby', email: 'dave@anderby.example', phone: '+44 20 7946 0018', phoneType: 'Mobile', streetAddress: '221B Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB', preferredLanguage: 'en_GB' },
  { key: 'erin-ellis', firstName: 'Erin', lastName: 'Ellis', email: 'erin.ellis@example.net', phone: '020 7946 0958', phoneType: 'Phone', streetAddress: '10 Whitehall Place', city: 'London', postalCode: 'SW1A 2BD', country: 'GB', employer: 'Northwind Traders', preferredLanguage: 'en_GB' },
  { key: 'zoe-angstrom', firstName: 'Zoë', lastName: 'Ångström', email: 'zoe.angstrom@example.se', phone: '+46 8 555 012 34', phoneType: 'Mobile', streetAddress: 'Drottninggatan 53', city: 'Stockholm', postalCode: '111 21', country: 'SE', birthDate: '1990-07-21', preferredLanguage: 'sv_SE' },
  { key: 'jose-nunez', firstName: 'José', lastName: 'Núñez', email: 'jose.nunez@example.mx', phone: '+52 55 5555 0123', phoneType: 'Mobile', streetAddress: 'Av. Paseo de la Reforma 222', city: 'Ciudad de México', postalCode: '06600', country: 'MX', preferredLanguage: 'es_MX' },
  { key: 'siobhan-o-briain', firstName: 'Siobhán', lastName: 'Ó Briain', email: 'siobhan.obriain@example.ie', phone: '+353 1 555 0147', phoneType: 'Phone', streetAddress: '12 Grafton Street', city: 'Dublin', postalCode: 'D02 X285', country: 'IE', preferredLanguage: 'ga_IE' },
  { key: 'li-xiaolong', firstName: '小龍', lastName: '李', email: 'li.xiaolong@example.cn', phone: '+86 10 5555 0100', phoneType: 'Mobile', streetAddress: '1 Jianguomenwai Ave, Chaoyang District', city: 'Beijing', postalCode: '100020', country: 'CN', preferredLanguage: 'zh_CN' },
  { key: 'marie-claire-dubois', firstName: 'Marie-Claire', lastName: 'Dubois', email: 'mc.dubois@example.ca', otherEmails: ['marie-claire@mapleleafhousing.example'], phone: '(514) 555-0186', phoneType: 'Phone', streetAddress: '1500 Rue Sainte-Catherine O', city: 'Montréal', postalCode: 'H3G 1P1', stateProvince: 'QC', country: 'CA', employer: 'Maple Leaf Housing Society', preferredLanguage: 'fr_CA' },
  { key: 'francois-lefevre', firstName: 'François', lastName: 'Lefèvre', email: 'francois.lefevre@example.fr', phone: '+33 1 55 55 01 23', phoneType: 'Phone', streetAddress: '8 Rue de Rivoli', city: 'Paris', postalCode: '75004', country: 'FR', employer: 'Société des Amis de la Forêt', preferredLanguage: 'fr_FR' },
  { key: 'hannah-schmidt', firstName: 'Hannah', lastName: 'Schmidt', email: 'hannah.schmidt@example.de', phone: '+49 30 5550 1234', phoneType: 'Mobile', streetAddress: 'Unter den Linden 77', city: 'Berlin', postalCode: '10117', country: 'DE', birthDate: '1988-09-30', preferredLanguage: 'de_DE' },
  { key: 'liam-oconnor', firstName: 'Liam', lastName: "O'Connor", email: 'liam.oconnor@example.com', phone: '555.0123', phoneType: 'Phone', streetAddress: '77 Massachusetts Ave', city: 'Cambridge', postalCode: '02139', stateProvince: 'MA', country: 'US' },
  { key: 'grace-taylor', firstName: 'Grace', lastName: 'Taylor', email: 'grace.taylor@example.org', phone: '+61 2 5550 1234', phoneType: 'Phone', streetAddress: '1 Macquarie St', city: 'Sydney', postalCode: '2000', stateProvince: 'NSW', country: 'AU', preferredLanguage: 'en_AU' },
  { key: 'noah-williams', firstName: 'Noah', lastName: 'Williams', email: 'noah.williams@example.com.au', phone: '0412 555 678', phoneType: 'Mobile', streetAddress: '100 Collins St', city: 'Melbourne', postalCode: '3000', stateProvince: 'VIC', country: 'AU', preferredLanguage: 'en_AU' },
  { key: 'aroha-ngata', firstName: 'Aroha', lastName: 'Ngata', email: 'aroha.ngata@example.co.nz', phone: '+64 9 555 0142', phoneType: 'Mobile', streetAddress: '1 Queen Street', city: 'Auckland', postalCode: '1010', country: 'NZ', employer: 'Kiwi Conservation Trust' },
  { key: 'pieter-de-vries', firstName: 'Pieter', lastName: 'de Vries', email: 'pieter.devries@example.nl', phone: '+31 20 555 0199', phoneType: 'Phone', streetAddress: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL', preferredLanguage: 'nl_NL' },
  { key: 'lucia-garcia', firstName: 'Lucía', lastName: 'García', email: 'lucia.garcia@example.es', phone: '+34 91 555 01 23', phoneType: 'Phone', streetAddress: 'Calle de Alcalá 45', city: 'Madrid', postalCode: '28014', country: 'ES', preferredLanguage: 'es_ES' },
  { key: 'giulia-rossi', firstName: 'Giulia', lastName: 'Rossi', email: 'giulia.rossi@example.it', phone: '+39 06 5555 0123', phoneType: 'Mobile', streetAddress: 'Via del Corso 12', city: 'Roma', postalCode: '00186', country: 'IT', preferredLanguage: 'it_IT' },
  { key: 'priya-patel', firstName: 'Priya', lastName: 'Patel', email: 'priya.patel@example.in', phone: '+91 22 5555 0123', phoneType: 'Mobile', streetAddress: '5 Marine Drive', city: 'Mumbai', postalCode: '400020', country: 'IN', birthDate: '1994-01-15' },
  { key: 'thabo-mokoena', firstName: 'Thabo', lastName: 'Mokoena', email: 'thabo.mokoena@example.co.za', phone: '+27 21 555 0123', phoneType: 'Mobile', streetAddress: '10 Long Street', city: 'Cape Town', postalCode: '8001', country: 'ZA' },
  { key: 'ana-souza', firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com.br', phone: '+55 11 5555-0123', phoneType: 'Mobile', streetAddress: 'Av. Paulista 1000', city: 'São Paulo', postalCode: '01310-100', country: 'BR', preferredLanguage: 'pt_BR' },
  { key: 'yuki-tanaka', firstName: 'Yuki', lastName: 'Tanaka', email: 'yuki.tanaka@example.jp', phone: '+81 3-5555-0123', phoneType: 'Phone', streetAddress: '1-1 Marunouchi', city: 'Tokyo', postalCode: '100-0005', country: 'JP' },
  { key: 'olivia-martin', firstName: 'Olivia', lastName: 'Martin', email: 'olivia.martin@example.org', phone: '(212) 555-0175', phoneType: 'Phone', streetAddress: '350 Fifth Avenue', city: 'New York', postalCode: '10118', stateProvince: 'NY', country: 'US', employer: 'Globex Corporation', jobTitle: 'Fundraising Director' },
  { key: 'ethan-brown', firstName: 'Ethan', lastName: 'Brown', email: 'ethan.brown@example.com', phone: '+1 (503) 555-0110', phoneType: 'Mobile', streetAddress: '500 SW Morrison St', city: 'Portland', postalCode: '97204', stateProvince: 'OR', country: 'US', employer: 'Riverside Food Bank', jobTitle: 'Volunteer Coordinator' },
  { key: 'sophia-nguyen', firstName: 'Sophia', lastName: 'Nguyen', email: 'sophia.nguyen@example.com', otherEmails: ['sophia.n@initech.example'], phone: '(206) 555-0163', phoneType: 'Mobile', streetAddress: '400 Pine St', city: 'Seattle', postalCode: '98101', stateProvince: 'WA', country: 'US', employer: 'Initech', birthDate: '1992-02-29' },
  { key: 'mateo-hernandez', firstName: 'Mateo', lastName: 'Hernández', email: 'mateo.hernandez@example.com', phone: '(512) 555-0191', phoneType: 'Mobile', streetAddress: '600 Congress Ave', city: 'Austin', postalCode: '78701', stateProvince: 'TX', country: 'US', employer: 'Initech', preferredLanguage: 'es_MX' },
  { key: 'chloe-tremblay', firstName: 'Chloé', lastName: 'Tremblay', email: 'chloe.tremblay@example.ca', phone: '604-555-0147', phoneType: 'Phone', streetAddress: '800 Robson St', city: 'Vancouver', postalCode: 'V6Z 3B7', stateProvince: 'BC', country: 'CA', employer: 'Maple Leaf Housing Society', preferredLanguage: 'fr_CA' },
  { key: 'james-wilson', firstName: 'James', lastName: 'Wilson', email: 'j.wilson@example.co.uk', phone: '07700 900123', phoneType: 'Mobile', streetAddress: '1 Princes Street', city: 'Edinburgh', postalCode: 'EH2 2EQ', country: 'GB', employer: 'Northwind Traders', preferredLanguage: 'en_GB' },
  { key: 'amelie-laurent', firstName: 'Amélie', lastName: 'Laurent', email: 'amelie.laurent@example.fr', phone: '04 72 55 01 23', phoneType: 'Phone', streetAddress: '20 Place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR', employer: 'Société des Amis de la Forêt', preferredLanguage: 'fr_FR' },
  { key: 'mohammed-al-rashid', firstName: 'Mohammed', lastName: 'Al-Rashid', email: 'm.alrashid@example.ae', phone: '+971 4 555 0123', phoneType: 'Mobile', streetAddress: 'Sheikh Zayed Road', city: 'Dubai', country: 'AE' },
  { key: 'emma-johnson', firstName: 'Emma', lastName: 'Johnson', email: 'emma.johnson@example.org', phone: '+1 555 0142', phoneType: 'Mobile', city: null, country: null },
  { key: 'oliver-smith', firstName: 'Oliver', lastName: 'Smith', email: null, phone: '(617) 555-0155', phoneType: 'Phone', streetAddress: '1 Beacon St', city: 'Boston', postalCode: '02108', stateProvince: 'MA', country: 'US' },
  { key: 'ava-davis', firstName: 'Ava', lastName: 'Davis', email: 'ava.davis@example.com', phone: null, streetAddress: '1600 Pennsylvania Ave NW', city: 'Washington', postalCode: '20500', stateProvince: 'DC', country: 'US' },
  { key: 'lucas-miller', firstName: 'Lucas', lastName: 'Miller', email: 'lucas.miller@example.com', otherEmails: ['lucas@millerhome.example'], phone: '(720) 555-0104', phoneType: 'Mobile', streetAddress: '1701 Wynkoop St', city: 'Denver', postalCode: '80202', stateProvince: 'CO', country: 'US', doNotEmail: true },
  { key: 'mia-kowalski', firstName: 'Mia', lastName: 'Kowalski', email: 'mia.kowalski@example.pl', phone: '+48 22 555 01 23', phoneType: 'Phone', streetAddress: 'ul. Marszałkowska 1', city: 'Warszawa', postalCode: '00-624', country: 'PL' },
  { key: 'henry-zhang', firstName: 'Henry', lastName: 'Zhang', email: 'henry.zhang@example.com', phone: '(408) 555-0122', phoneType: 'Mobile', streetAddress: '200 E Santa Clara St', city: 'San Jose', postalCode: '95113', stateProvince: 'CA', country: 'US', employer: 'Initech', isOptOut: true },
  { key: 'isabella-moore', firstName: 'Isabella', lastName: 'Moore', email: 'isabella.moore@example.org', phone: '+1 555 0177', phoneType: 'Mobile', streetAddress: '800 E Monroe St', city: 'Springfield', postalCode: '62701', stateProvince: 'IL', country: 'US', employer: 'Globex Corporation' },
  { key: 'nadia-novak', firstName: 'Nadia', lastName: 'Novak', email: 'nadia.novak@example.com', phone: '(303) 555-0118', phoneType: 'Mobile', streetAddress: '1777 Broadway', city: 'Boulder', postalCode: '80302', stateProvince: 'CO', country: 'US', trashed: true },
  { key: 'kiri-te-awa', firstName: 'Kiri', lastName: 'Te Awa', email: 'kiri.teawa@example.co.nz', phone: '021 555 0199', phoneType: 'Mobile', streetAddress: '50 Lambton Quay', city: 'Wellington', postalCode: '6011', country: 'NZ', employer: 'Kiwi Conservation Trust' },
];
