import { ALL_ZONES, scheduleSimulation } from '../domain/schedule-simulation.js';

// Every zone of the simulation: both hemispheres, half- and quarter-hour offsets, abolished DST, no DST.
scheduleSimulation(ALL_ZONES);
