// US, Canadian and Australian rows of civicrm_state_province with Civi's ids.
//
// Civi inserts this table in file order from AUTO_INCREMENT 1000
// (civicrm-core xml/templates/civicrm_state_province.tpl), so ids follow from position:
// US rows 1000–1059 (Illinois 1012), Canada 1060–1072 (Ontario 1068, as observed on a real
// 5.77). Australia's ids are derived the same way by counting the rows before it (1259–1266);
// they were not observed on a live site.

export interface StateProvince {
  readonly id: number;
  readonly countryId: number;
  readonly abbreviation: string;
  readonly name: string;
}

const US = 1228;
const CA = 1039;
const AU = 1013;

const usRows = 'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|DC District of Columbia|AS American Samoa|GU Guam|MP Northern Mariana Islands|PR Puerto Rico|VI Virgin Islands|UM United States Minor Outlying Islands|AE Armed Forces Europe|AA Armed Forces Americas|AP Armed Forces Pacific';
const caRows = 'AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|NT Northwest Territories|NS Nova Scotia|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan|YT Yukon Territory';
const auRows = 'ACT Australian Capital Territory|NT Northern Territory|NSW New South Wales|QLD Queensland|SA South Australia|TAS Tasmania|VIC Victoria|WA Western Australia';

function block(countryId: number, firstId: number, packed: string): StateProvince[] {
  return packed.split('|').map((entry, i) => {
    const space = entry.indexOf(' ');
    return { id: firstId + i, countryId, abbreviation: entry.slice(0, space), name: entry.slice(space + 1) };
  });
}

export const STATE_PROVINCES: readonly StateProvince[] = [
  ...block(US, 1000, usRows),
  ...block(CA, 1060, caRows),
  ...block(AU, 1259, auRows),
];
