/**
 * Destination countries with real mobile carriers and per-attempt prices. The number
 * prefixes are mobile ranges that libphonenumber's full metadata accepts as valid for the
 * country (a property test checks every generated number).
 */
export type Country = {
  iso2: string;
  callingCode: string;
  /** National mobile prefixes; the rest of the number is random digits. */
  prefixes: readonly string[];
  nationalLength: number;
  carriers: readonly string[];
  carrierWeights: readonly number[];
  /** Share of the traffic. */
  weight: number;
  locale: string;
  /** Per-attempt prices as Plivo prints them (decimal strings, five places). */
  smsCharge: string;
  voiceCharge: string;
  /** How often an SMS to this country fails outright or is never confirmed. */
  smsTrouble: number;
};

export const COUNTRIES: readonly Country[] = [
  {
    iso2: 'IN',
    callingCode: '91',
    nationalLength: 10,
    weight: 34,
    locale: 'en',
    smsCharge: '0.00220',
    voiceCharge: '0.00650',
    smsTrouble: 1,
    prefixes: ['70', '72', '74', '84', '85', '90', '93', '94', '95', '96', '97', '98', '99'],
    carriers: ['Jio', 'AirTel', 'IDEA', 'BSNL'],
    carrierWeights: [45, 33, 17, 5],
  },
  {
    iso2: 'US',
    callingCode: '1',
    nationalLength: 10,
    weight: 16,
    locale: 'en',
    smsCharge: '0.00550',
    voiceCharge: '0.01300',
    smsTrouble: 0.6,
    prefixes: ['212', '213', '305', '312', '404', '415', '512', '617', '646', '702', '713'],
    carriers: ['Verizon Wireless', 'AT&T Wireless', 'T-Mobile USA'],
    carrierWeights: [38, 34, 28],
  },
  {
    iso2: 'GB',
    callingCode: '44',
    nationalLength: 10,
    weight: 8,
    locale: 'en',
    smsCharge: '0.03800',
    voiceCharge: '0.02100',
    smsTrouble: 0.6,
    prefixes: [
      '7400',
      '7450',
      '7500',
      '7540',
      '7701',
      '7712',
      '7745',
      '7777',
      '7800',
      '7900',
      '7950',
    ],
    carriers: ['EE', 'Vodafone UK', 'O2 UK', 'Three UK'],
    carrierWeights: [34, 24, 26, 16],
  },
  {
    iso2: 'DE',
    callingCode: '49',
    nationalLength: 11,
    weight: 6,
    locale: 'de',
    smsCharge: '0.07200',
    voiceCharge: '0.02400',
    smsTrouble: 0.7,
    prefixes: ['151', '152', '157', '160', '162', '170', '171', '172', '176', '177', '178'],
    carriers: ['Telekom', 'Vodafone', 'O2 Germany'],
    carrierWeights: [40, 32, 28],
  },
  {
    iso2: 'FR',
    callingCode: '33',
    nationalLength: 9,
    weight: 6,
    locale: 'fr',
    smsCharge: '0.06300',
    voiceCharge: '0.02600',
    smsTrouble: 0.7,
    prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '73', '74', '75', '76', '77', '78'],
    carriers: ['Orange', 'SFR', 'Bouygues Telecom', 'Free Mobile'],
    carrierWeights: [38, 24, 20, 18],
  },
  {
    iso2: 'BR',
    callingCode: '55',
    nationalLength: 11,
    weight: 9,
    locale: 'pt',
    smsCharge: '0.01900',
    voiceCharge: '0.02200',
    smsTrouble: 1.2,
    prefixes: ['119', '219', '319', '419', '519', '619', '719', '819', '859', '919'],
    carriers: ['Vivo', 'Claro', 'TIM'],
    carrierWeights: [39, 33, 28],
  },
  {
    iso2: 'MX',
    callingCode: '52',
    nationalLength: 10,
    weight: 6,
    locale: 'es',
    smsCharge: '0.01500',
    voiceCharge: '0.01800',
    smsTrouble: 1.2,
    prefixes: ['55', '33', '81', '22', '44', '99'],
    carriers: ['Telcel', 'AT&T Mexico', 'Movistar'],
    carrierWeights: [62, 22, 16],
  },
  {
    iso2: 'ID',
    callingCode: '62',
    nationalLength: 11,
    weight: 7,
    locale: 'id',
    smsCharge: '0.02900',
    voiceCharge: '0.03400',
    smsTrouble: 1.8,
    prefixes: [
      '811',
      '812',
      '813',
      '821',
      '822',
      '852',
      '853',
      '855',
      '856',
      '857',
      '877',
      '878',
      '838',
    ],
    carriers: ['Telkomsel', 'Indosat Ooredoo', 'XL Axiata'],
    carrierWeights: [50, 28, 22],
  },
  {
    iso2: 'NG',
    callingCode: '234',
    nationalLength: 10,
    weight: 4,
    locale: 'en',
    smsCharge: '0.03100',
    voiceCharge: '0.04500',
    smsTrouble: 2.5,
    prefixes: [
      '803',
      '806',
      '813',
      '816',
      '703',
      '706',
      '903',
      '802',
      '808',
      '812',
      '805',
      '807',
      '815',
    ],
    carriers: ['MTN Nigeria', 'Airtel Nigeria', 'Glo'],
    carrierWeights: [55, 28, 17],
  },
  {
    iso2: 'PH',
    callingCode: '63',
    nationalLength: 10,
    weight: 4,
    locale: 'en',
    smsCharge: '0.01700',
    voiceCharge: '0.03900',
    smsTrouble: 1.5,
    prefixes: ['917', '918', '919', '920', '921', '927', '905', '906', '915', '935', '945', '995'],
    carriers: ['Globe Telecom', 'Smart Communications', 'DITO'],
    carrierWeights: [46, 44, 10],
  },
];

export const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);
