-- The approval task finds its queue row by the disparo instance it belongs to, never by a process variable.
create index ix_filas_disparo_processo on filas_disparo (process_instance_id);
