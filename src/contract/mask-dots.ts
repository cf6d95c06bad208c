/** The placeholder for hidden digits in a masked phone number: "+91 ••••1370". */
export const MASK_DOTS = '••••';
