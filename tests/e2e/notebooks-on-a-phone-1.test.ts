/** End-to-end: the first half of the shipped notebooks at phone width (see notebooks-on-a-phone.ts). */
import { checkOnAPhone, shippedHalf } from './notebooks-on-a-phone.ts';

checkOnAPhone(shippedHalf(0));
