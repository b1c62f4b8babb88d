// placeholder
import type { FamilyFeatures } from '../../analysis/family';
export const contractFeatures: FamilyFeatures = {};
